/**
 * The demo clinic, relative to the seed's "now" (so a pinned clock gives the same clinic every time): two
 * businesses (one hidden from online bookings), three practitioners (one hidden, one inactive) and their users plus
 * a receptionist, four appointment types (one hidden, one group type), weekly availabilities (so the next four weeks
 * have times), 120 patients (3 archived, 2 with medical alerts), a week of appointments either side of today — one
 * cancelled, one archived, one overlapping pair — and one unavailable block. Some ids are short, most 18 digits.
 */
import { addDays, instantOf } from '@clinikapi/core';
import { localDate } from '../availability/time-zone.ts';
import { NEW_APPOINTMENT } from '../resources/appointment-writes.ts';
import type { ClinikoAccount, ClinikoStore, ResourceName, StoredRecord } from '../store/types.ts';
import { isoWeekday, utcDateTime } from '../time.ts';
import { ARCHIVED_PATIENTS, PATIENT_COUNT, seedPatient } from './cast.ts';

export interface ClinikoSeedSummary {
  readonly accountId: string;
  readonly userIds: { readonly administrator: string; readonly receptionist: string };
  readonly businessIds: readonly string[];
  readonly practitionerIds: readonly string[];
  readonly appointmentTypeIds: readonly string[];
  readonly patients: number;
  readonly appointments: number;
}

interface SeedContext {
  readonly store: ClinikoStore;
  readonly account: ClinikoAccount;
  readonly now: number;
}

const DAY = 86_400_000;

export async function seedClinic({ store, account, now }: SeedContext): Promise<ClinikoSeedSummary> {
  const zone = account.timeZone;
  const created = utcDateTime(now - 400 * DAY);
  const put = async (
    resource: ResourceName,
    fields: Record<string, unknown>,
    kind: 'short' | 'long' = 'long',
    at = created,
  ): Promise<StoredRecord> => {
    const record: StoredRecord = { ...fields, id: await store.newId(kind), created_at: at, updated_at: at };
    await store.insert(account.id, resource, record);
    return record;
  };

  const fitzroy = await put(
    'businesses',
    {
      business_name: 'Fitzroy Physiotherapy',
      display_name: 'Fitzroy Physio',
      address_1: '120 Brunswick Street',
      city: 'Fitzroy',
      state: 'VIC',
      post_code: '3065',
      country: 'Australia',
      country_code: 'AU',
      contact_information: '03 9000 0000',
      email_reply_to: 'hello@fitzroy-physio.example.com',
      website_address: 'https://fitzroy-physio.example.com',
      business_registration_name: 'ABN',
      business_registration_value: '12 345 678 901',
      show_in_online_bookings: true,
      time_zone_identifier: zone,
      archived_at: null,
    },
    'short',
  );
  const carlton = await put(
    'businesses',
    {
      business_name: 'Carlton Sports Clinic',
      display_name: null,
      address_1: '8 Lygon Street',
      city: 'Carlton',
      state: 'VIC',
      post_code: '3053',
      country: 'Australia',
      country_code: 'AU',
      contact_information: '03 9000 0001',
      email_reply_to: 'desk@carlton-sports.example.com',
      website_address: null,
      business_registration_name: 'ABN',
      business_registration_value: '98 765 432 109',
      show_in_online_bookings: false,
      time_zone_identifier: zone,
      archived_at: null,
    },
    'short',
  );

  const user = (first_name: string, last_name: string, role: string, user_active = true) =>
    put(
      'users',
      {
        title: null,
        first_name,
        last_name,
        email: `${first_name}.${last_name}@harbourside.example.com`.toLowerCase().replace(/'/g, ''),
        role,
        user_active,
      },
      'short',
    );
  const ameliaUser = await user('Amelia', 'Chen', 'administrator');
  const receptionist = await user('Sam', 'Taylor', 'receptionist');
  const liamUser = await user('Liam', "O'Connor", 'practitioner');
  const priyaUser = await user('Priya', 'Natarajan', 'practitioner', false);

  const amelia = await put('practitioners', {
    user_id: ameliaUser.id,
    title: 'Dr',
    first_name: 'Amelia',
    last_name: 'Chen',
    designation: 'Physiotherapist',
    description: 'Sports and spinal physiotherapy.',
    show_in_online_bookings: true,
    active: true,
    business_ids: [fitzroy.id, carlton.id],
  });
  const liam = await put(
    'practitioners',
    {
      user_id: liamUser.id,
      title: null,
      first_name: 'Liam',
      last_name: "O'Connor",
      designation: 'Osteopath',
      description: null,
      show_in_online_bookings: false,
      active: true,
      business_ids: [fitzroy.id],
    },
    'short',
  );
  const priya = await put(
    'practitioners',
    {
      user_id: priyaUser.id,
      title: null,
      first_name: 'Priya',
      last_name: 'Natarajan',
      designation: 'Myotherapist',
      description: null,
      show_in_online_bookings: true,
      active: false,
      business_ids: [carlton.id],
    },
    'short',
  );

  const type = (
    name: string,
    duration_in_minutes: number,
    color: string,
    practitioners: readonly StoredRecord[],
    extra: Record<string, unknown> = {},
  ) =>
    put('appointment_types', {
      name,
      category: 'Physiotherapy',
      color,
      description: null,
      duration_in_minutes,
      max_attendees: 1,
      show_in_online_bookings: true,
      telehealth_enabled: false,
      online_bookings_lead_time_hours: 0,
      online_payments_mode: null,
      deposit_price: null,
      practitioner_ids: practitioners.map((practitioner) => practitioner.id),
      archived_at: null,
      ...extra,
    });
  const initial = await type('Initial Consultation', 60, '#2a9d8f', [amelia, liam]);
  const standard = await type('Standard Consultation', 30, '#e9c46a', [amelia, liam, priya]);
  const massage = await type('Remedial Massage', 45, '#f4a261', [liam, priya], { show_in_online_bookings: false, category: 'Massage' });
  const pilates = await type('Clinical Pilates Class', 60, '#264653', [amelia], {
    max_attendees: 6,
    show_in_online_bookings: false,
    category: 'Classes',
  });
  await store.replace(account.id, 'practitioners', { ...amelia, default_appointment_type_id: standard.id });

  const weekly = async (
    business: StoredRecord,
    practitioner: StoredRecord,
    days: readonly number[],
    windows: readonly [string, string][],
  ) => {
    for (const day_of_week of days) {
      await put('daily_availabilities', {
        business_id: business.id,
        practitioner_id: practitioner.id,
        day_of_week,
        availabilities: windows.map(([starts_at, ends_at]) => ({ starts_at, ends_at })),
      });
    }
  };
  await weekly(
    fitzroy,
    amelia,
    [1, 2, 3, 4, 5],
    [
      ['09:00', '13:00'],
      ['14:00', '17:00'],
    ],
  );
  await weekly(carlton, amelia, [6], [['09:00', '12:00']]);
  await weekly(fitzroy, liam, [1, 3, 5], [['08:00', '12:00']]);
  await weekly(carlton, priya, [2, 4], [['12:00', '18:00']]);

  const patients: StoredRecord[] = [];
  for (let index = 0; index < PATIENT_COUNT; index++) {
    const at = utcDateTime(now - (PATIENT_COUNT - index) * DAY);
    patients.push(
      await put(
        'patients',
        {
          ...seedPatient(index),
          country: 'Australia',
          country_code: 'AU',
          reminder_type: 'SMS & Email',
          receives_confirmation_emails: true,
          accepted_privacy_policy: true,
          accepted_email_marketing: false,
          accepted_sms_marketing: false,
          custom_fields: null,
          archived_at: ARCHIVED_PATIENTS.has(index) ? utcDateTime(now - 30 * DAY) : null,
        },
        index < 20 ? 'short' : 'long',
        at,
      ),
    );
  }
  const patient = (index: number) => patients[index % PATIENT_COUNT] as StoredRecord;
  for (const [index, name] of [
    [0, 'Penicillin allergy'],
    [0, 'Latex sensitivity'],
    [5, 'Pacemaker fitted'],
  ] as const) {
    await put('medical_alerts', { name, patient_id: patient(index).id, archived_at: null });
  }

  // Appointments a week either side of today, on the practitioners' working days.
  const today = localDate(now, zone);
  let appointments = 0;
  const book = async (
    date: string,
    hhmm: string,
    practitioner: StoredRecord,
    kind: StoredRecord,
    who: StoredRecord,
    extra: Record<string, unknown> = {},
  ) => {
    const start = instantOf(date, Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)), zone) as number;
    appointments += 1;
    await put(
      'individual_appointments',
      {
        starts_at: utcDateTime(start),
        ends_at: utcDateTime(start + Number(kind.duration_in_minutes) * 60_000),
        patient_id: who.id,
        practitioner_id: practitioner.id,
        appointment_type_id: kind.id,
        business_id: fitzroy.id,
        ...NEW_APPOINTMENT,
        ...extra,
      },
      'long',
      utcDateTime(Math.min(now, start) - 7 * DAY),
    );
  };
  let weekday = 0;
  for (let offset = -7; offset <= 7; offset++) {
    const date = addDays(today, offset);
    const day = isoWeekday(date);
    if (offset === 0 || day > 5) continue;
    await book(date, '09:00', amelia, initial, patient(offset + 20));
    await book(date, '14:30', amelia, standard, patient(offset + 40));
    if (day % 2 === 1) await book(date, '08:00', liam, massage, patient(offset + 60));
    if (offset < 0) continue;
    weekday += 1;
    if (weekday === 1)
      await book(date, '11:00', amelia, standard, patient(1), {
        cancelled_at: utcDateTime(now - DAY),
        cancellation_reason: 40,
        cancellation_note: 'Travelling',
      });
    if (weekday === 2) await book(date, '11:00', amelia, standard, patient(2), { archived_at: utcDateTime(now - DAY) });
    if (weekday === 3) {
      await book(date, '10:00', amelia, standard, patient(3));
      await book(date, '10:15', amelia, standard, patient(4), { notes: 'Double-booked on purpose: the two appointments conflict.' });
    }
    if (weekday === 4) {
      const start = instantOf(date, 11 * 60, zone) as number;
      await put('unavailable_blocks', {
        business_id: fitzroy.id,
        practitioner_id: amelia.id,
        starts_at: utcDateTime(start),
        ends_at: utcDateTime(start + 3_600_000),
        notes: 'Team meeting',
      });
    }
  }

  return {
    accountId: account.id,
    userIds: { administrator: ameliaUser.id, receptionist: receptionist.id },
    businessIds: [fitzroy.id, carlton.id],
    practitionerIds: [amelia.id, liam.id, priya.id],
    appointmentTypeIds: [initial.id, standard.id, massage.id, pilates.id],
    patients: PATIENT_COUNT,
    appointments,
  };
}

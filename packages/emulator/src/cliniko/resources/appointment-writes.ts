/**
 * Booking and rescheduling an individual appointment: the body's checks (the five ids required and existing —
 * a 422 naming each missing one, where Cliniko once answered 500), `ends_at` from the type's duration when left out
 * (or sent as null), and the double-booking behaviour: `allow` stores overlaps as Cliniko does and lets
 * `…/conflicts` report them; `refuse` checks and writes under a per-practitioner lock, so of two racing bookings
 * for one slot exactly one is stored.
 */
import { occupancyOf, isTaken } from '../availability/occupancy.ts';
import { validationFailed } from '../errors.ts';
import type { RequestScope } from '../http/scope.ts';
import type { ResourceName, StoredRecord } from '../store/types.ts';
import { utcDateTime } from '../time.ts';
import { applyFields, type FieldRules } from './write-fields.ts';

const RULES: FieldRules = {
  starts_at: { kind: 'datetime' },
  ends_at: { kind: 'datetime' },
  patient_id: { kind: 'id' },
  practitioner_id: { kind: 'id' },
  appointment_type_id: { kind: 'id' },
  business_id: { kind: 'id' },
  notes: { kind: 'string' },
  did_not_arrive: { kind: 'boolean' },
  patient_arrived: { kind: 'boolean' },
};

const REFERENCES: readonly (readonly [string, ResourceName])[] = [
  ['patient_id', 'patients'],
  ['practitioner_id', 'practitioners'],
  ['appointment_type_id', 'appointment_types'],
  ['business_id', 'businesses'],
];

/** What a new appointment holds before anything is said of it: booked through the API, or seeded. */
export const NEW_APPOINTMENT: Readonly<Record<string, unknown>> = {
  notes: null,
  did_not_arrive: false,
  patient_arrived: false,
  email_reminder_sent: false,
  sms_reminder_sent: false,
  booking_ip_address: null,
  online_booking_policy_accepted: null,
  invoice_status: null,
  treatment_note_status: null,
  repeat_rule: {},
  repeated_from_id: null,
  cancelled_at: null,
  cancellation_reason: null,
  cancellation_note: null,
  archived_at: null,
  deleted_at: null,
};

/**
 * The appointment `body` makes of `current` (a create when `current` is undefined), checked against the account's
 * records. Throws the 422.
 */
export async function appointmentFields(
  scope: RequestScope,
  body: Readonly<Record<string, unknown>>,
  current?: StoredRecord,
): Promise<Record<string, unknown>> {
  const fields = applyFields(body, RULES, current ?? NEW_APPOINTMENT, REFERENCES.map(([field]) => field).concat('starts_at'));
  const errors: Record<string, string> = {};
  const found = await Promise.all(
    REFERENCES.map(([field, resource]) => scope.store.get(scope.account.id, resource, fields[field] as string)),
  );
  REFERENCES.forEach(([field], index) => {
    if (!found[index]) errors[field] = 'must exist';
  });
  const type = found[2];
  const start = Date.parse(fields.starts_at as string);
  if (type && (!current ? !body.ends_at : body.ends_at === null)) {
    fields.ends_at = utcDateTime(start + Number(type.duration_in_minutes) * 60_000);
  } else if (current && !Object.hasOwn(body, 'ends_at') && body.starts_at !== undefined) {
    // Moved without a new end: the appointment keeps its length.
    fields.ends_at = utcDateTime(start + Date.parse(String(current.ends_at)) - Date.parse(String(current.starts_at)));
  }
  if (!errors.starts_at && Date.parse(fields.ends_at as string) < start) errors.ends_at = 'must be after starts_at';
  if (Object.keys(errors).length > 0) throw validationFailed(errors);
  return fields;
}

/**
 * Stores the appointment through `write` — after checking, under the practitioner's lock, that its time is free
 * when double bookings are refused.
 */
export async function bookWithPolicy(
  scope: RequestScope,
  fields: Record<string, unknown>,
  write: (scope: RequestScope) => Promise<StoredRecord>,
  exceptId?: string,
): Promise<StoredRecord> {
  if (scope.behaviour.doubleBooking === 'allow') return write(scope);
  const practitionerId = fields.practitioner_id as string;
  return scope.store.exclusive(`practitioner:${scope.account.id}:${practitionerId}`, async (store) => {
    const occupancy = await occupancyOf(store, scope.account.id, practitionerId);
    const interval = { start: Date.parse(fields.starts_at as string), end: Date.parse(fields.ends_at as string) };
    if (isTaken(occupancy, interval, exceptId, false))
      throw validationFailed({ starts_at: 'overlaps another appointment of this practitioner' });
    return write({ ...scope, store });
  });
}

const CANCELLATION_REASONS: Readonly<Record<number, string>> = {
  10: 'Feeling Better',
  20: 'Condition Worse',
  30: 'Sick',
  31: 'COVID-19 related',
  40: 'Away',
  50: 'Other',
  60: 'Work',
};

export const cancellationDescription = (reason: unknown): string =>
  typeof reason === 'number' ? (CANCELLATION_REASONS[reason] ?? '') : '';

/** The cancellation `body` asks for: a reason code is required (a missing or unknown one is a 422, our choice). */
export function cancellationFields(body: Readonly<Record<string, unknown>>): {
  cancellation_reason: number;
  cancellation_note: string | null;
} {
  const fields = applyFields(
    body,
    {
      cancellation_reason: { kind: 'integer', min: 10, max: 60, oneOf: Object.keys(CANCELLATION_REASONS).map(Number) },
      cancellation_note: { kind: 'string' },
    },
    {},
    ['cancellation_reason'],
  );
  return {
    cancellation_reason: fields.cancellation_reason as number,
    cancellation_note: (fields.cancellation_note as string | undefined) ?? null,
  };
}

import { waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { clinikoCall, renderHookWithCliniko, startTestClinikoEmulator, TEST_CLINIKO_URL } from '../../test/cliniko-emulator.tsx';
import { clinikoIdOf } from '../links.ts';
import type { ClinikoList, ClinikoPatient } from '../types.ts';
import { useClinikoAvailableTimes, useClinikoNextAvailableTime } from './availability.ts';
import { useClinikoAppointmentTypes, useClinikoBusinesses, useClinikoPractitioners, useClinikoUser } from './directory.ts';
import { useAllClinikoAppointments } from './appointments.ts';
import { useClinikoMedicalAlerts, useClinikoPatient, useClinikoPatients, useInfiniteClinikoPatients } from './patients.ts';

describe('Cliniko read hooks', () => {
  it('read the directory through the proxy: the key’s user, businesses, a business’s practitioners, a practitioner’s types', async () => {
    const { seeded } = await startTestClinikoEmulator();
    const [fitzroy] = seeded.businessIds;
    const [amelia] = seeded.practitionerIds;
    const { result } = renderHookWithCliniko(() => ({
      user: useClinikoUser(),
      businesses: useClinikoBusinesses(),
      practitioners: useClinikoPractitioners({ businessId: fitzroy, sort: 'first_name' }),
      types: useClinikoAppointmentTypes({ practitionerId: amelia, sort: 'name' }),
    }));
    await waitFor(() =>
      expect(result.current.types.isSuccess && result.current.practitioners.isSuccess && result.current.user.isSuccess).toBe(true),
    );
    expect(result.current.user.data?.role).toBe('administrator');
    await waitFor(() =>
      expect(result.current.businesses.data?.businesses.map((business) => business.business_name)).toEqual([
        'Fitzroy Physiotherapy',
        'Carlton Sports Clinic',
      ]),
    );
    expect(result.current.businesses.data?.businesses[0]?.time_zone_identifier).toBe('Australia/Melbourne');
    expect(result.current.practitioners.data?.practitioners.map((practitioner) => practitioner.label)).toEqual([
      'Dr Amelia Chen',
      "Liam O'Connor",
    ]);
    expect(result.current.types.data?.appointment_types.map((type) => [type.name, type.duration_in_minutes])).toEqual([
      ['Clinical Pilates Class', 60],
      ['Initial Consultation', 60],
      ['Standard Consultation', 30],
    ]);
    // Relations are links on the proxy's mount; the shard's host never shows.
    expect(result.current.types.data?.appointment_types[0]?.links.self.startsWith(`${TEST_CLINIKO_URL}/appointment_types/`)).toBe(true);
  });

  it('keeps 18-digit ids exact: read by id, found in a search, named in a link', async () => {
    const emulator = await startTestClinikoEmulator();
    const page = await clinikoCall<ClinikoList<'patients', ClinikoPatient>>(emulator, 'GET', 'patients?per_page=100');
    const long = page.patients.find((patient) => patient.id.length === 18) as ClinikoPatient;
    // Beyond 2^53: a number would have rounded it to another id.
    expect(String(Number(long.id))).not.toBe(long.id);
    const { result } = renderHookWithCliniko(() => ({
      patient: useClinikoPatient(long.id),
      search: useClinikoPatients({ email: long.email }),
    }));
    await waitFor(() => expect(result.current.patient.isSuccess && result.current.search.isSuccess).toBe(true));
    expect(result.current.patient.data?.id).toBe(long.id);
    expect(result.current.search.data?.patients.map((patient) => patient.id)).toEqual([long.id]);
    expect(clinikoIdOf(result.current.patient.data)).toBe(long.id);
    expect(typeof result.current.patient.data?.id).toBe('string');
  });

  it('searches patients with Cliniko’s filters: family name, first and family name, email, date of birth', async () => {
    await startTestClinikoEmulator();
    const { result } = renderHookWithCliniko(() => ({
      family: useClinikoPatients({ name: 'smith' }),
      both: useClinikoPatients({ name: 'Olivia Smith' }),
      birthday: useClinikoPatients({ dateOfBirth: '****-05-**', perPage: 100 }),
    }));
    await waitFor(() =>
      expect(result.current.family.isSuccess && result.current.both.isSuccess && result.current.birthday.isSuccess).toBe(true),
    );
    const family = result.current.family.data?.patients ?? [];
    expect(family.length).toBeGreaterThan(3);
    // `~` is "contains": Smith, Smithson and Smithers.
    expect(new Set(family.map((patient) => patient.last_name))).toEqual(new Set(['Smith', 'Smithson', 'Smithers']));
    expect(
      result.current.both.data?.patients.every((patient) => patient.first_name === 'Olivia' && patient.last_name.startsWith('Smith')),
    ).toBe(true);
    expect(result.current.birthday.data?.patients.every((patient) => patient.date_of_birth?.slice(5, 7) === '05')).toBe(true);
    expect(result.current.birthday.data?.patients.length).toBeGreaterThan(0);
  });

  it('pages an infinite list by following the proxy’s links.next to the end', async () => {
    await startTestClinikoEmulator();
    const { result } = renderHookWithCliniko(() => useInfiniteClinikoPatients({ perPage: 50 }));
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data?.pages[0]?.total_entries).toBe(117);
    await result.current.fetchNextPage();
    await waitFor(() => expect(result.current.data?.pages).toHaveLength(2));
    await result.current.fetchNextPage();
    await waitFor(() => expect(result.current.data?.pages).toHaveLength(3));
    expect(result.current.hasNextPage).toBe(false);
    const ids = result.current.data?.pages.flatMap((page) => page.patients.map((patient) => patient.id)) ?? [];
    expect(new Set(ids).size).toBe(117);
  });

  it('reads the online-booking times of a day in the business’s zone, the next free time, and a day’s appointments', async () => {
    const { seeded } = await startTestClinikoEmulator();
    const target = {
      businessId: seeded.businessIds[0] as string,
      practitionerId: seeded.practitionerIds[0] as string,
      appointmentTypeId: seeded.appointmentTypeIds[1] as string,
    };
    const { result } = renderHookWithCliniko(() => ({
      times: useClinikoAvailableTimes({ ...target, from: '2025-03-06', to: '2025-03-06' }),
      next: useClinikoNextAvailableTime(target),
      waiting: useClinikoAvailableTimes(undefined),
      day: useAllClinikoAppointments({
        practitionerId: target.practitionerId,
        startsFrom: '2025-03-06T13:00:00Z',
        startsBefore: '2025-03-07T13:00:00Z',
      }),
    }));
    await waitFor(() => expect(result.current.times.isSuccess && result.current.next.isSuccess && result.current.day.isSuccess).toBe(true));
    const starts = result.current.times.data?.available_times.map((time) => time.appointment_start) ?? [];
    // 9:00 in Melbourne is "now", and the seed books nothing today: the day starts free.
    expect(starts[0]).toBe('2025-03-05T22:00:00Z');
    expect(starts.every((start) => start >= '2025-03-05T22:00:00Z' && start < '2025-03-06T13:00:00Z')).toBe(true);
    expect(result.current.next.data?.appointment_start).toBe(starts[0]);
    expect(result.current.waiting.fetchStatus).toBe('idle');
    // Friday 7 March: 9:00 initial and 14:30 standard with Amelia, in time order.
    expect(result.current.day.data?.individual_appointments.map((appointment) => appointment.starts_at)).toEqual([
      '2025-03-06T22:00:00Z',
      '2025-03-07T03:30:00Z',
    ]);
  });

  it('lists a patient’s medical alerts', async () => {
    const emulator = await startTestClinikoEmulator();
    const alerts = await clinikoCall<ClinikoList<'medical_alerts', { patient: { links: { self: string } } }>>(
      emulator,
      'GET',
      'medical_alerts',
    );
    const patientId = clinikoIdOf(alerts.medical_alerts[0]?.patient) as string;
    const { result } = renderHookWithCliniko(() => useClinikoMedicalAlerts({ patientId, sort: 'name' }));
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data?.medical_alerts.map((alert) => alert.name)).toEqual(['Latex sensitivity', 'Penicillin allergy']);
  });
});

import { act, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ClinikValidationError } from '../../client/errors.ts';
import { clinikoCall, renderHookWithCliniko, startTestClinikoEmulator } from '../../test/cliniko-emulator.tsx';
import { clinikoIdOf } from '../links.ts';
import { CLINIKO_CANCELLATION_REASONS, type ClinikoAppointment, type ClinikoList, type ClinikoPatient } from '../types.ts';
import {
  useBookClinikoAppointment,
  useCancelClinikoAppointment,
  useClinikoAppointments,
  useRescheduleClinikoAppointment,
} from './appointments.ts';
import { useClinikoAvailableTimes } from './availability.ts';
import { useCreateClinikoMedicalAlert, useCreateClinikoPatient, useClinikoMedicalAlerts, useClinikoPatient } from './patients.ts';

const FRIDAY_TEN = '2025-03-06T23:00:00Z'; // Friday 7 March, 10:00 in Melbourne: free in the seed

describe('Cliniko write hooks', () => {
  it('create a patient (read back by its 18-digit id) and refuse one without a family name with field errors', async () => {
    await startTestClinikoEmulator();
    const { result } = renderHookWithCliniko(() => ({ create: useCreateClinikoPatient(), refused: useCreateClinikoPatient() }));
    let created: ClinikoPatient | undefined;
    await act(async () => {
      created = await result.current.create.mutateAsync({ first_name: 'Ada', last_name: 'Park', email: 'ada.park@example.com' });
    });
    expect(created?.id).toMatch(/^\d{18}$/);
    const { result: read } = renderHookWithCliniko(() => useClinikoPatient(created?.id));
    await waitFor(() => expect(read.current.data?.label).toBe('Ada Park'));

    await act(async () => {
      await result.current.refused.mutateAsync({ first_name: 'Ada', last_name: '' }).catch(() => undefined);
    });
    await waitFor(() => expect(result.current.refused.error).toBeInstanceOf(ClinikValidationError));
    expect((result.current.refused.error as ClinikValidationError).fieldErrors).toEqual({ last_name: ['can’t be blank'] });
  });

  it('book a time, which leaves the day’s free times, then move it and cancel it', async () => {
    const emulator = await startTestClinikoEmulator();
    const { seeded } = emulator;
    const patient = (await clinikoCall<ClinikoList<'patients', ClinikoPatient>>(emulator, 'GET', 'patients?per_page=1'))
      .patients[0] as ClinikoPatient;
    const target = {
      businessId: seeded.businessIds[0] as string,
      practitionerId: seeded.practitionerIds[0] as string,
      appointmentTypeId: seeded.appointmentTypeIds[1] as string,
    };
    const { result } = renderHookWithCliniko(() => ({
      times: useClinikoAvailableTimes({ ...target, from: '2025-03-07', to: '2025-03-07' }),
      theirs: useClinikoAppointments({ patientId: patient.id, startsFrom: '2025-03-06T13:00:00Z' }),
      book: useBookClinikoAppointment(),
      move: useRescheduleClinikoAppointment(),
      cancel: useCancelClinikoAppointment(),
    }));
    const starts = () => result.current.times.data?.available_times.map((time) => time.appointment_start) ?? [];
    await waitFor(() => expect(starts()).toContain(FRIDAY_TEN));

    let booked: ClinikoAppointment | undefined;
    await act(async () => {
      booked = await result.current.book.mutateAsync({
        starts_at: FRIDAY_TEN,
        patient_id: patient.id,
        practitioner_id: target.practitionerId,
        appointment_type_id: target.appointmentTypeId,
        business_id: target.businessId,
      });
    });
    // Thirty minutes, the type's duration; the time is no longer offered, and the patient's list has it.
    expect(booked?.ends_at).toBe('2025-03-06T23:30:00Z');
    expect(clinikoIdOf(booked?.patient)).toBe(patient.id);
    await waitFor(() => expect(starts()).not.toContain(FRIDAY_TEN));
    await waitFor(() =>
      expect(result.current.theirs.data?.individual_appointments.map((appointment) => appointment.id)).toContain(booked?.id),
    );

    await act(async () => {
      await result.current.move.mutateAsync({ id: booked?.id as string, starts_at: '2025-03-07T00:00:00Z' });
    });
    await waitFor(() => expect(starts()).toContain(FRIDAY_TEN));
    const moved = await clinikoCall<ClinikoAppointment>(emulator, 'GET', `individual_appointments/${booked?.id}`);
    expect([moved.starts_at, moved.ends_at]).toEqual(['2025-03-07T00:00:00Z', '2025-03-07T00:30:00Z']);

    await act(async () => {
      await result.current.cancel.mutateAsync({ id: booked?.id as string, reason: CLINIKO_CANCELLATION_REASONS.away, note: 'Travelling' });
    });
    // Cancelled appointments leave Cliniko's list.
    await waitFor(() =>
      expect(result.current.theirs.data?.individual_appointments.map((appointment) => appointment.id)).not.toContain(booked?.id),
    );
    const cancelled = await clinikoCall<ClinikoAppointment>(emulator, 'GET', `individual_appointments/${booked?.id}`);
    expect(cancelled.cancelled_at).not.toBeNull();
  });

  it('record a medical alert, which the patient’s list then shows', async () => {
    const emulator = await startTestClinikoEmulator();
    const patient = (await clinikoCall<ClinikoList<'patients', ClinikoPatient>>(emulator, 'GET', 'patients?per_page=1&sort=last_name'))
      .patients[0] as ClinikoPatient;
    const { result } = renderHookWithCliniko(() => ({
      alerts: useClinikoMedicalAlerts({ patientId: patient.id }),
      create: useCreateClinikoMedicalAlert(),
    }));
    await waitFor(() => expect(result.current.alerts.isSuccess).toBe(true));
    await act(async () => {
      await result.current.create.mutateAsync({ name: 'Asthma', patient_id: patient.id });
    });
    await waitFor(() => expect(result.current.alerts.data?.medical_alerts.map((alert) => alert.name)).toContain('Asthma'));
  });
});

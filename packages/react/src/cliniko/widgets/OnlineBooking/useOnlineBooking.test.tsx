import { act, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CLINIKO_NOW, clinikoCall, renderHookWithCliniko, startTestClinikoEmulator } from '../../../test/cliniko-emulator.tsx';
import type { ClinikoAppointment, ClinikoList, ClinikoPatient } from '../../types.ts';
import { useOnlineBooking, type OnlineBookingState } from './useOnlineBooking.ts';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: CLINIKO_NOW });
});
afterEach(() => {
  vi.useRealTimers();
});

type Emulator = Awaited<ReturnType<typeof startTestClinikoEmulator>>;

async function aPatient(emulator: Emulator, lastName: string): Promise<ClinikoPatient> {
  const page = await clinikoCall<ClinikoList<'patients', ClinikoPatient>>(
    emulator,
    'GET',
    `patients?q[]=${encodeURIComponent(`last_name:=${lastName}`)}`,
  );
  return page.patients[0] as ClinikoPatient;
}

/** Chooses the Standard Consultation and the first free time on Friday 7 March. */
async function chooseFridayTime(hook: { result: { current: OnlineBookingState } }): Promise<number> {
  await waitFor(() => expect(hook.result.current.step).toBe('type'));
  // The step is 'type' as soon as the practitioner is chosen; the practitioner's types arrive after.
  const standard = await waitFor(() => {
    const found = hook.result.current.types.items.find((type) => type.name === 'Standard Consultation');
    expect(found).toBeDefined();
    return found as NonNullable<typeof found>;
  });
  act(() => hook.result.current.chooseType(standard.id));
  await waitFor(() => expect(hook.result.current.calendar.status).toBe('ready'));
  act(() => hook.result.current.calendar.chooseDay('2025-03-07'));
  const time = hook.result.current.calendar.day!.times[0]!;
  act(() => hook.result.current.calendar.chooseTime(time));
  return time;
}

describe('useOnlineBooking', () => {
  it('walks a signed-in patient from the only location and practitioner to a booked time, for themselves', async () => {
    const emulator = await startTestClinikoEmulator();
    const self = await aPatient(emulator, 'Smithers');
    const onSuccess = vi.fn();
    const hook = renderHookWithCliniko(() => useOnlineBooking({ patientId: self.id, onSuccess }));
    expect(hook.result.current.step).toBe('business');
    // One business and one practitioner take online bookings: both are chosen for the user.
    const time = await chooseFridayTime(hook);
    expect(hook.result.current.timeZone).toBe('Australia/Melbourne');
    await waitFor(() => expect(hook.result.current.step).toBe('confirm'));
    expect(hook.result.current.patient.mode).toBe('self');

    await act(() => hook.result.current.confirm());
    expect(hook.result.current.step).toBe('booked');
    const booked = hook.result.current.submission.booked!;
    expect(Date.parse(booked.starts_at)).toBe(time);
    expect(onSuccess).toHaveBeenCalledWith(expect.objectContaining({ id: booked.id }));
    const stored = await clinikoCall<ClinikoAppointment>(emulator, 'GET', `individual_appointments/${booked.id}`);
    expect(stored.patient?.links.self).toContain(self.id);
  });

  it('will not book for a new patient without a first and last name, and books nothing', async () => {
    const emulator = await startTestClinikoEmulator();
    const hook = renderHookWithCliniko(() => useOnlineBooking({}));
    await chooseFridayTime(hook);
    act(() => hook.result.current.patient.setMode('new'));
    act(() => hook.result.current.patient.setValue('first_name', 'Mina'));
    await act(() => hook.result.current.confirm());
    expect(hook.result.current.patient.fieldErrors.last_name).toBeTruthy();
    expect(hook.result.current.submission.status).toBe('idle');
    expect(hook.result.current.step).toBe('patient');
    const minas = await clinikoCall<ClinikoList<'patients', ClinikoPatient>>(
      emulator,
      'GET',
      `patients?q[]=${encodeURIComponent('first_name:=Mina')}`,
    );
    expect(minas.patients).toHaveLength(0);
  });
});

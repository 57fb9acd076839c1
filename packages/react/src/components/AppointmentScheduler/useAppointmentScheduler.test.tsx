import type { Appointment } from '@clinikapi/core';
import { act, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRecord, patientIdOf, recordsOf } from '../../test/emulator-records.ts';
import { startTestEmulator } from '../../test/emulator.ts';
import { renderHookWithClient } from '../../test/render.tsx';
import { fill, submit } from '../../test/widget-hooks.ts';
import { useAppointmentScheduler } from './useAppointmentScheduler.ts';

/** Booked the morning before, in Chicago (UTC−6 then). */
const DAY = '2025-03-04';
const ZONE = 'America/Chicago';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: new Date('2025-03-03T12:00:00Z') });
});
afterEach(() => {
  vi.useRealTimers();
});

async function setUp() {
  const emulator = await startTestEmulator();
  const patientId = await patientIdOf(emulator, 'Okafor');
  const someoneElse = await patientIdOf(emulator, 'Hartley');
  const { id: practitionerId } = await createRecord<{ id: string }>(emulator, 'practitioners', { firstName: 'Ravi', lastName: 'Shah' });
  // 9:00–9:30 Chicago time with Dr Shah, for another patient.
  await createRecord(emulator, 'appointments', {
    status: 'booked',
    patientId: someoneElse,
    practitionerId,
    start: `${DAY}T15:00:00Z`,
    end: `${DAY}T15:30:00Z`,
  });
  return { emulator, patientId, practitionerId };
}

const scheduler = (patientId: string, practitionerId: string, onSuccess = vi.fn()) =>
  renderHookWithClient(() => useAppointmentScheduler({ patientId, practitionerId, timeZone: ZONE, defaultDate: DAY, onSuccess }));

describe('useAppointmentScheduler', () => {
  it('lays out the day on the clinic’s clock, marking the times the practitioner is already booked', async () => {
    const { patientId, practitionerId } = await setUp();
    const hook = scheduler(patientId, practitionerId);
    await waitFor(() => expect(hook.result.current.busyStatus).toBe('ready'));
    const availability = (time: string) => hook.result.current.slots.find((slot) => slot.time === time)?.availability;
    expect(hook.result.current.slots[0]?.time).toBe('08:00');
    expect(availability('08:30')).toBe('free');
    expect(availability('08:45')).toBe('booked');
    expect(availability('09:15')).toBe('booked');
    expect(availability('09:30')).toBe('free');
    expect(availability('17:45')).toBe('closing');
    expect(hook.result.current.practitioners.map((choice) => choice.id)).toContain(practitionerId);
  });

  it('refuses a booking with no time or one that overlaps, sending nothing', async () => {
    const { emulator, patientId, practitionerId } = await setUp();
    const hook = scheduler(patientId, practitionerId);
    await waitFor(() => expect(hook.result.current.busyStatus).toBe('ready'));
    await submit(hook);
    expect(hook.result.current.errorOf('time')).toBeTruthy();

    fill(hook, { time: '09:15' });
    await submit(hook);
    expect(hook.result.current.errorOf('time')).toMatch(/9:00/);
    expect(await recordsOf(emulator, 'appointments', patientId)).toHaveLength(0);
  });

  it('books a free time in the clinic’s zone, then counts it as busy for the next booking', async () => {
    const { emulator, patientId, practitionerId } = await setUp();
    const onSuccess = vi.fn();
    const hook = scheduler(patientId, practitionerId, onSuccess);
    await waitFor(() => expect(hook.result.current.busyStatus).toBe('ready'));
    fill(hook, { time: '10:00', minutesDuration: '45' });
    expect(hook.result.current.selection).toEqual({ start: Date.parse(`${DAY}T16:00:00Z`), end: Date.parse(`${DAY}T16:45:00Z`) });
    await submit(hook);
    expect(hook.result.current.status).toBe('success');
    const [booked] = await recordsOf<Appointment>(emulator, 'appointments', patientId);
    expect(booked).toMatchObject({ status: 'booked', start: `${DAY}T16:00:00Z`, end: `${DAY}T16:45:00Z` });
    expect(onSuccess).toHaveBeenCalledWith(expect.objectContaining({ id: booked?.id }));
    await act(async () => {});
    expect(hook.result.current.slots.find((slot) => slot.time === '10:30')?.availability).toBe('booked');
    expect(hook.result.current.form.getValues('date')).toBe(DAY);
  });
});

import { act, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { CLINIKO_NOW, renderHookWithCliniko, startTestClinikoEmulator, TEST_CLINIKO_URL } from '../../../test/cliniko-emulator.tsx';
import { mswServer } from '../../../test/msw-server.ts';
import { useAppointmentsDay } from './useAppointmentsDay.ts';

describe('useAppointmentsDay', () => {
  it('gives a business’s day soonest first, with lengths, types and practitioners joined in, on the clinic’s clock', async () => {
    const { seeded } = await startTestClinikoEmulator();
    const hook = renderHookWithCliniko(() => useAppointmentsDay({ businessId: seeded.businessIds[0], date: '2025-03-07' }));
    expect(hook.result.current.status).toBe('loading');
    await waitFor(() => expect(hook.result.current.status).toBe('ready'));
    expect(hook.result.current.timeZone).toBe('Australia/Melbourne');
    const day = hook.result.current.appointments;
    expect(day.map((entry) => entry.minutes)).toEqual([45, 60, 30]);
    expect(day.map((entry) => entry.type?.name)).toEqual(['Remedial Massage', 'Initial Consultation', 'Standard Consultation']);
    expect(day[1]?.practitioner?.last_name).toBe('Chen');
    expect(day.map((entry) => entry.start)).toEqual([...day.map((entry) => entry.start)].sort((a, b) => a - b));
  });

  it('starts on the clinic’s today and moves to another day', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: CLINIKO_NOW });
    onTestFinished(() => void vi.useRealTimers());
    const { seeded } = await startTestClinikoEmulator();
    const hook = renderHookWithCliniko(() => useAppointmentsDay({ businessId: seeded.businessIds[0] }));
    await waitFor(() => expect(hook.result.current.status).not.toBe('loading'));
    expect(hook.result.current.date).toBe('2025-03-06');
    expect(hook.result.current.today).toBe('2025-03-06');
    act(() => hook.result.current.setDate('2025-03-07'));
    await waitFor(() => expect(hook.result.current.appointments).toHaveLength(3));
    expect(hook.result.current.date).toBe('2025-03-07');
  });

  it('is in error when the day cannot be read, and recovers on retry', async () => {
    const { seeded } = await startTestClinikoEmulator();
    mswServer.use(http.get(`${TEST_CLINIKO_URL}/businesses/:id/appointments`, () => HttpResponse.error(), { once: true }));
    mswServer.use(http.get(`${TEST_CLINIKO_URL}/individual_appointments`, () => HttpResponse.error(), { once: true }));
    const hook = renderHookWithCliniko(() => useAppointmentsDay({ businessId: seeded.businessIds[0], date: '2025-03-07' }));
    await waitFor(() => expect(hook.result.current.status).toBe('error'));
    act(() => hook.result.current.retry());
    await waitFor(() => expect(hook.result.current.status).toBe('ready'));
  });
});

import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { expectNoAxeViolations } from '../../../test/axe.ts';
import {
  CLINIKO_NOW,
  clinikoCall,
  renderWithCliniko,
  startTestClinikoEmulator,
  TEST_CLINIKO_URL,
} from '../../../test/cliniko-emulator.tsx';
import { errorAnswer } from '../../../test/error-answers.ts';
import { mswServer } from '../../../test/msw-server.ts';
import type { ClinikoList, ClinikoPatient } from '../../types.ts';
import { AppointmentsDay } from './AppointmentsDay.tsx';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: CLINIKO_NOW });
});
afterEach(() => {
  vi.useRealTimers();
});

const widget = () => screen.getByRole('region', { name: /^Appointments/ });
const items = () => within(widget()).getAllByRole('listitem');

describe('AppointmentsDay', () => {
  it('shows a business’s day: times on the clinic’s clock, lengths, patients, types in their colours, practitioners', async () => {
    const { seeded } = await startTestClinikoEmulator();
    const { container } = renderWithCliniko(<AppointmentsDay businessId={seeded.businessIds[0]} date="2025-03-07" />);
    await within(widget()).findAllByRole('listitem');
    expect(widget()).toHaveAccessibleName('Appointments: Friday, March 7, 2025');
    expect(
      within(widget()).getByText('Times are in the clinic’s time zone: Australian Eastern Daylight Time (Australia/Melbourne).'),
    ).toBeVisible();
    expect(items().map((item) => item.textContent?.replace(/\s+/g, ' '))).toEqual([
      expect.stringMatching(/^8:00 – 8:45 AM · 45 min.+Remedial Massage with Liam O'Connor$/),
      expect.stringMatching(/^9:00 – 10:00 AM · 60 min.+Initial Consultation with Dr Amelia Chen$/),
      expect.stringMatching(/^2:30 – 3:00 PM · 30 min.+Standard Consultation with Dr Amelia Chen$/),
    ]);
    expect(items().map((item) => item.style.getPropertyValue('--ck-type-color'))).toEqual(['#f4a261', '#2a9d8f', '#e9c46a']);
    await expectNoAxeViolations(container);
  });

  it('cuts one practitioner’s day at the clinic’s midnight, not the browser’s or UTC’s', async () => {
    const emulator = await startTestClinikoEmulator();
    const { businessIds, practitionerIds, appointmentTypeIds } = emulator.seeded;
    const patient = (await clinikoCall<ClinikoList<'patients', ClinikoPatient>>(emulator, 'GET', 'patients?per_page=1'))
      .patients[0] as ClinikoPatient;
    const book = (starts_at: string) =>
      clinikoCall(emulator, 'POST', 'individual_appointments', {
        starts_at,
        patient_id: patient.id,
        practitioner_id: practitionerIds[0],
        appointment_type_id: appointmentTypeIds[1],
        business_id: businessIds[0],
      });
    await book('2025-03-07T12:30:00Z'); // 23:30 on Friday in Melbourne (and still Friday in UTC)
    await book('2025-03-07T13:15:00Z'); // 00:15 on Saturday in Melbourne, though still Friday in UTC
    renderWithCliniko(<AppointmentsDay practitionerId={practitionerIds[0]} date="2025-03-07" />);
    await within(widget()).findAllByRole('listitem');
    // Intl separates times with narrow spaces: compared with plain ones.
    expect(items().map((item) => item.querySelector('time')?.textContent?.replace(/\s+/g, ' '))).toEqual([
      '9:00 – 10:00 AM',
      '2:30 – 3:00 PM',
      '3/7/2025, 11:30 PM – 3/8/2025, 12:00 AM',
    ]);
    // A practitioner's own day does not repeat their name on every line.
    expect(within(widget()).queryByText(/with Dr Amelia Chen/)).toBeNull();
  });

  it('is operable from the keyboard: days back and forth, and each appointment chosen with Enter', async () => {
    const { seeded } = await startTestClinikoEmulator();
    const onSelect = vi.fn();
    const user = userEvent.setup();
    const { container } = renderWithCliniko(<AppointmentsDay practitionerId={seeded.practitionerIds[0]} onSelectAppointment={onSelect} />);
    // Today (Thursday 6 March) the seed books nothing.
    expect(await within(widget()).findByText('No appointments on this day.')).toBeVisible();
    await user.tab();
    expect(within(widget()).getByRole('button', { name: 'Previous day' })).toHaveFocus();
    await user.tab(); // "Today" is disabled on today
    expect(within(widget()).getByRole('button', { name: 'Next day' })).toHaveFocus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(widget()).toHaveAccessibleName('Appointments: Friday, March 7, 2025'));
    const first = (await within(widget()).findAllByRole('button', { name: /^9:00\s–\s10:00\sAM/ }))[0] as HTMLElement;
    await user.tab(); // the date field
    await user.tab();
    expect(first).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(onSelect).toHaveBeenCalledWith(
      expect.objectContaining({ starts_at: '2025-03-06T22:00:00Z', id: expect.stringMatching(/^\d+$/) }),
    );
    await expectNoAxeViolations(container);
    await user.click(within(widget()).getByRole('button', { name: 'Today' }));
    expect(await within(widget()).findByText('No appointments on this day.')).toBeVisible();
  });

  it('says when the day cannot be read, and tries again', async () => {
    await startTestClinikoEmulator();
    mswServer.use(
      http.get(`${TEST_CLINIKO_URL}/individual_appointments`, () => errorAnswer('UPSTREAM_UNAVAILABLE', { requestId: 'req_day' }), {
        once: true,
      }),
    );
    const user = userEvent.setup();
    const { container } = renderWithCliniko(<AppointmentsDay date="2025-03-07" />);
    const failure = (await within(widget()).findByText(/^The day’s appointments could not be loaded/)).closest(
      '[role="alert"]',
    ) as HTMLElement;
    expect(failure).toHaveTextContent('Something went wrong on the server.');
    await expectNoAxeViolations(container);
    await user.click(within(failure).getByRole('button', { name: 'Try again' }));
    expect(await within(widget()).findAllByRole('listitem')).toHaveLength(3);
  });
});

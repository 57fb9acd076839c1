import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { expectNoAxeViolations } from '../../../test/axe.ts';
import { CLINIKO_NOW, clinikoCall, renderWithCliniko, startTestClinikoEmulator } from '../../../test/cliniko-emulator.tsx';
import { clinikoIdOf } from '../../links.ts';
import type { ClinikoAppointment, ClinikoList, ClinikoPatient } from '../../types.ts';
import { OnlineBooking } from './OnlineBooking.tsx';

/** Friday 7 March 2025, 10:00 in Melbourne (UTC+11): free in the seeded clinic. */
const FRIDAY_TEN = '2025-03-06T23:00:00Z';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: CLINIKO_NOW });
});
afterEach(() => {
  vi.useRealTimers();
});

type Emulator = Awaited<ReturnType<typeof startTestClinikoEmulator>>;

const widget = () => screen.getByRole('region', { name: 'Book an appointment' });
const group = (name: string | RegExp) => within(widget()).getByRole('group', { name });

async function appointmentsAt(emulator: Emulator, startsAt: string): Promise<ClinikoAppointment[]> {
  const page = await clinikoCall<ClinikoList<'individual_appointments', ClinikoAppointment>>(
    emulator,
    'GET',
    `individual_appointments?q[]=${encodeURIComponent(`starts_at:>=${startsAt}`)}&q[]=${encodeURIComponent(`starts_at:<=${startsAt}`)}`,
  );
  return [...page.individual_appointments];
}

async function aPatient(emulator: Emulator, lastName: string): Promise<ClinikoPatient> {
  const page = await clinikoCall<ClinikoList<'patients', ClinikoPatient>>(
    emulator,
    'GET',
    `patients?q[]=${encodeURIComponent(`last_name:=${lastName}`)}`,
  );
  return page.patients[0] as ClinikoPatient;
}

/** Chooses the Standard Consultation on Friday at 10:00 (Fitzroy and Dr Chen are the only online choices). */
async function chooseFridayTen(user: ReturnType<typeof userEvent.setup>): Promise<void> {
  await user.click(await within(widget()).findByRole('radio', { name: /Standard Consultation/ }));
  await user.click(await within(group(/^Day/)).findByRole('radio', { name: /Fri, Mar 7/ }));
  await user.click(await within(group(/^Time/)).findByRole('radio', { name: '10:00 AM' }));
}

describe('OnlineBooking', () => {
  it('books front desk’s patient: one location and practitioner chosen for them, times on the clinic’s clock, named', async () => {
    const emulator = await startTestClinikoEmulator();
    const smith = await aPatient(emulator, 'Smithers');
    const user = userEvent.setup();
    const onSuccess = vi.fn();
    const { container } = renderWithCliniko(<OnlineBooking onSuccess={onSuccess} />);

    // Carlton is hidden from online bookings and Liam O'Connor takes none: the only choices are made.
    expect(await within(group('Location')).findByRole('radio', { name: /Fitzroy Physio/ })).toBeChecked();
    expect(await within(group('Practitioner')).findByRole('radio', { name: /Dr Amelia Chen/ })).toBeChecked();
    expect((await within(group('Appointment type')).findAllByRole('radio')).map((radio) => radio.closest('label')?.textContent)).toEqual([
      'Initial Consultation60 min',
      'Standard Consultation30 min',
    ]);
    await chooseFridayTen(user);
    expect(group(/^Time/)).toHaveAccessibleDescription(
      'Times are in the clinic’s time zone: Australian Eastern Daylight Time (Australia/Melbourne).',
    );
    // The seed books 9:00 on Friday: it is not offered.
    expect(within(group(/^Time/)).queryByRole('radio', { name: '9:00 AM' })).toBeNull();

    await user.type(within(widget()).getByRole('searchbox', { name: 'Find the patient' }), 'Smithers');
    await user.click(await within(group('Matching patients')).findByRole('radio', { name: new RegExp(smith.label) }));
    expect(within(widget()).getByRole('region', { name: 'Check and book' })).toHaveTextContent(
      `Standard Consultation with Dr Amelia Chen at Fitzroy Physio, Friday, March 7, 2025 at 10:00 AM (Australian Eastern Daylight Time), for ${smith.label}.`,
    );
    await expectNoAxeViolations(container);
    await user.click(within(widget()).getByRole('button', { name: 'Book appointment' }));

    expect(
      await within(widget()).findByText(
        /^Booked: Standard Consultation with Dr Amelia Chen at Fitzroy Physio, Friday, March 7, 2025 at 10:00 AM/,
      ),
    ).toBeVisible();
    const booked = await appointmentsAt(emulator, FRIDAY_TEN);
    expect(booked.map((appointment) => clinikoIdOf(appointment.patient))).toEqual([smith.id]);
    expect(onSuccess).toHaveBeenCalledWith(expect.objectContaining({ id: booked[0]?.id, starts_at: FRIDAY_TEN }));
    await expectNoAxeViolations(container);
  });

  it('books for the signed-in patient only: no search, no new patient, their own name', async () => {
    const emulator = await startTestClinikoEmulator();
    const me = await aPatient(emulator, 'Nguyen');
    const user = userEvent.setup();
    const { container } = renderWithCliniko(<OnlineBooking patientId={me.id} />);
    await chooseFridayTen(user);
    expect(await within(widget()).findByText(`Booking for ${me.label}.`)).toBeVisible();
    expect(within(widget()).queryByRole('searchbox')).toBeNull();
    expect(within(widget()).queryByRole('radio', { name: 'A new patient' })).toBeNull();
    await expectNoAxeViolations(container);
    await user.click(within(widget()).getByRole('button', { name: 'Book appointment' }));
    await within(widget()).findByText(/^Booked:/);
    expect((await appointmentsAt(emulator, FRIDAY_TEN)).map((appointment) => clinikoIdOf(appointment.patient))).toEqual([me.id]);
  });

  it('offers the next free time when the days on view have none, and goes to it', async () => {
    await startTestClinikoEmulator();
    const user = userEvent.setup();
    const { container } = renderWithCliniko(<OnlineBooking />);
    await user.click(await within(widget()).findByRole('radio', { name: /Standard Consultation/ }));
    await within(group(/^Day/)).findByRole('radio', { name: /Thu, Mar 6/ });
    // Online bookings reach 28 days ahead: five weeks on, nothing is offered.
    for (let week = 0; week < 5; week++) await user.click(within(widget()).getByRole('button', { name: 'Later days' }));
    expect(await within(widget()).findByText('No free times on these days.')).toBeVisible();
    expect(await within(widget()).findByText('The next free time is Thursday, March 6, 2025 at 9:00 AM.')).toBeVisible();
    await expectNoAxeViolations(container);
    await user.click(within(widget()).getByRole('button', { name: 'Show that day' }));
    expect(await within(group(/^Day/)).findByRole('radio', { name: /Thu, Mar 6/ })).toBeChecked();
    expect(within(group(/^Time/)).getByRole('radio', { name: '9:00 AM' })).toBeChecked();
  });

  it('can be booked from the keyboard alone, creating the new patient once', async () => {
    const emulator = await startTestClinikoEmulator();
    const user = userEvent.setup();
    const { container } = renderWithCliniko(<OnlineBooking />);
    await within(widget()).findByRole('radio', { name: /Standard Consultation/ });

    await user.tab(); // location (the only one, chosen)
    await user.tab(); // practitioner
    await user.tab(); // appointment type: the first
    expect(within(widget()).getByRole('radio', { name: /Initial Consultation/ })).toHaveFocus();
    await user.keyboard('{ArrowDown}'); // Standard Consultation
    expect(within(widget()).getByRole('radio', { name: /Standard Consultation/ })).toBeChecked();
    // The first day with free times (today) is chosen for the user.
    expect(await within(group(/^Day/)).findByRole('radio', { name: /Thu, Mar 6/ })).toBeChecked();
    await user.tab();
    expect(within(group(/^Day/)).getByRole('radio', { name: /Thu, Mar 6/ })).toHaveFocus();
    await user.keyboard('{ArrowRight}'); // Friday
    expect(within(group(/^Day/)).getByRole('radio', { name: /Fri, Mar 7/ })).toBeChecked();
    await user.tab(); // Later days (Earlier days is disabled: today is the first day shown)
    expect(within(widget()).getByRole('button', { name: 'Later days' })).toHaveFocus();
    await user.tab(); // the times
    // The first free time: 9:00–10:00 is taken on Friday.
    expect(within(group(/^Time/)).getAllByRole('radio')[0]).toHaveFocus();
    expect(within(group(/^Time/)).getAllByRole('radio')[0]).toHaveAccessibleName('10:00 AM');
    await user.keyboard(' ');
    await user.tab(); // book for: an existing patient
    expect(within(group('Book for')).getByRole('radio', { name: 'An existing patient' })).toHaveFocus();
    await user.keyboard('{ArrowRight}'); // a new patient
    await user.tab();
    await user.keyboard('Ada');
    await user.tab();
    await user.keyboard('Park');
    await user.keyboard('{Enter}');

    await within(widget()).findByText(/^Booked:/);
    await waitFor(() =>
      expect(
        within(widget())
          .getByText(/^Booked:/)
          .closest('[tabindex="-1"]'),
      ).toHaveFocus(),
    );
    const created = await clinikoCall<ClinikoList<'patients', ClinikoPatient>>(
      emulator,
      'GET',
      `patients?q[]=${encodeURIComponent('last_name:=Park')}`,
    );
    expect(created.patients.map((patient) => patient.label)).toEqual(['Ada Park']);
    await expectNoAxeViolations(container);
  });

  it('takes the app’s class and a theme, and drops its own styles when unstyled', async () => {
    await startTestClinikoEmulator();
    const { container } = renderWithCliniko(<OnlineBooking theme="dark" unstyled className="my-booking" />);
    expect(widget()).toHaveClass('my-booking');
    expect(widget()).not.toHaveClass('ck-root');
    expect(widget()).toHaveAttribute('data-theme', 'dark');
    await expectNoAxeViolations(container);
  });
});

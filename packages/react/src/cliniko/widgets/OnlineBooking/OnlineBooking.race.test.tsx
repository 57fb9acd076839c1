/**
 * OnlineBooking when the world moves under it: a time taken between showing and booking (found by the check right
 * before booking, or refused by Cliniko itself), a booking whose answer was lost, a new patient Cliniko refuses,
 * and lists that cannot be loaded.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
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
import { clinikoIdOf } from '../../links.ts';
import type { ClinikoAppointment, ClinikoAppointmentInput, ClinikoList, ClinikoPatient } from '../../types.ts';
import { OnlineBooking } from './OnlineBooking.tsx';

const FRIDAY_TEN = '2025-03-06T23:00:00Z';
const FRIDAY_TEN_THIRTY = '2025-03-06T23:30:00Z';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: CLINIKO_NOW });
});
afterEach(() => {
  vi.useRealTimers();
});

type Emulator = Awaited<ReturnType<typeof startTestClinikoEmulator>>;

const widget = () => screen.getByRole('region', { name: 'Book an appointment' });
const group = (name: string | RegExp) => within(widget()).getByRole('group', { name });
/** The alert that says `text` (the widget's own live region is an alert too, and empty). */
const alertSaying = async (text: RegExp): Promise<HTMLElement> =>
  (await within(widget()).findByText(text)).closest('[role="alert"]') as HTMLElement;

async function patientNamed(emulator: Emulator, lastName: string): Promise<ClinikoPatient> {
  const page = await clinikoCall<ClinikoList<'patients', ClinikoPatient>>(
    emulator,
    'GET',
    `patients?q[]=${encodeURIComponent(`last_name:=${lastName}`)}`,
  );
  return page.patients[0] as ClinikoPatient;
}

async function bookedAt(emulator: Emulator, startsAt: string): Promise<string[]> {
  const page = await clinikoCall<ClinikoList<'individual_appointments', ClinikoAppointment>>(
    emulator,
    'GET',
    `individual_appointments?q[]=${encodeURIComponent(`starts_at:>=${startsAt}`)}&q[]=${encodeURIComponent(`starts_at:<=${startsAt}`)}`,
  );
  return page.individual_appointments.map((appointment) => clinikoIdOf(appointment.patient) as string);
}

/** Renders the widget for the signed-in `patient` and chooses Friday 10:00. */
async function chooseFridayTen(patient: ClinikoPatient) {
  const user = userEvent.setup();
  const rendered = renderWithCliniko(<OnlineBooking patientId={patient.id} />);
  await user.click(await within(widget()).findByRole('radio', { name: /Standard Consultation/ }));
  await user.click(await within(group(/^Day/)).findByRole('radio', { name: /Fri, Mar 7/ }));
  await user.click(await within(group(/^Time/)).findByRole('radio', { name: '10:00 AM' }));
  await within(widget()).findByText(`Booking for ${patient.label}.`);
  return { user, ...rendered };
}

/** Someone else books `startsAt` with Dr Chen, as another client of the clinic would. */
function bookForSomeoneElse(emulator: Emulator, other: ClinikoPatient, startsAt: string, body?: ClinikoAppointmentInput) {
  const { businessIds, practitionerIds, appointmentTypeIds } = emulator.seeded;
  return clinikoCall(emulator, 'POST', 'individual_appointments', {
    starts_at: startsAt,
    practitioner_id: practitionerIds[0],
    appointment_type_id: appointmentTypeIds[1],
    business_id: businessIds[0],
    ...body,
    patient_id: other.id,
  });
}

describe('OnlineBooking and a lost race', () => {
  it('finds a time taken since it was shown, says so, and offers the next free times instead', async () => {
    const emulator = await startTestClinikoEmulator();
    const [me, other] = [await patientNamed(emulator, 'Nguyen'), await patientNamed(emulator, 'Kelly')];
    const { user, container } = await chooseFridayTen(me);
    await bookForSomeoneElse(emulator, other, FRIDAY_TEN);

    await user.click(within(widget()).getByRole('button', { name: 'Book appointment' }));
    expect(await alertSaying(/^Sorry/)).toHaveTextContent('Sorry — 10:00 AM was booked by someone else a moment ago. Choose another time.');
    const offered = within(group('The next free times')).getAllByRole('button');
    expect(offered.map((button) => button.textContent)).toEqual(['10:30 AM', '11:00 AM', '11:30 AM']);
    expect(offered[0]).toHaveFocus();
    // Nothing was booked for me, and 10:00 is no longer offered.
    expect(await bookedAt(emulator, FRIDAY_TEN)).toEqual([other.id]);
    await waitFor(() => expect(within(group(/^Time/)).queryByRole('radio', { name: '10:00 AM' })).toBeNull());
    await expectNoAxeViolations(container);

    await user.keyboard('{Enter}'); // 10:30
    expect(within(group(/^Time/)).getByRole('radio', { name: '10:30 AM' })).toBeChecked();
    await user.click(within(widget()).getByRole('button', { name: 'Book appointment' }));
    await within(widget()).findByText(/^Booked: .* 10:30 AM/);
    expect(await bookedAt(emulator, FRIDAY_TEN_THIRTY)).toEqual([me.id]);
  });

  it('takes Cliniko’s refusal of a double booking (422 on starts_at) the same way', async () => {
    const emulator = await startTestClinikoEmulator({ behaviour: { doubleBooking: 'refuse' } });
    const [me, other] = [await patientNamed(emulator, 'Nguyen'), await patientNamed(emulator, 'Kelly')];
    // The other booking lands between the widget's check and its booking.
    mswServer.use(
      http.post(
        `${TEST_CLINIKO_URL}/individual_appointments`,
        async ({ request }) => {
          await bookForSomeoneElse(emulator, other, FRIDAY_TEN, (await request.clone().json()) as ClinikoAppointmentInput);
          return emulator.handleProxyRequest(request, TEST_CLINIKO_URL);
        },
        { once: true },
      ),
    );
    const { user } = await chooseFridayTen(me);
    await user.click(within(widget()).getByRole('button', { name: 'Book appointment' }));
    expect(await alertSaying(/^Sorry/)).toHaveTextContent('10:00 AM was booked by someone else');
    expect(within(group('The next free times')).getAllByRole('button')[0]).toHaveTextContent('10:30 AM');
    expect(await bookedAt(emulator, FRIDAY_TEN)).toEqual([other.id]);
  });

  it('does not book twice when the answer to a booking was lost', async () => {
    const emulator = await startTestClinikoEmulator();
    const me = await patientNamed(emulator, 'Nguyen');
    // The booking goes through; its answer does not come back.
    mswServer.use(
      http.post(
        `${TEST_CLINIKO_URL}/individual_appointments`,
        async ({ request }) => {
          await emulator.handleProxyRequest(request, TEST_CLINIKO_URL);
          return errorAnswer('UPSTREAM_UNAVAILABLE', { requestId: 'req_lost' });
        },
        { once: true },
      ),
    );
    const { user } = await chooseFridayTen(me);
    await user.click(within(widget()).getByRole('button', { name: 'Book appointment' }));
    const failure = await alertSaying(/^The appointment was not booked/);
    expect(failure).toHaveTextContent('The appointment was not booked.');
    expect(failure).toHaveTextContent('Reference: req_lost');

    await user.click(within(failure).getByRole('button', { name: 'Try again' }));
    await within(widget()).findByText(/^Booked: .* 10:00 AM/);
    expect(await bookedAt(emulator, FRIDAY_TEN)).toEqual([me.id]);
  });
});

describe('OnlineBooking and a new patient', () => {
  it('asks for the names first, then shows what Cliniko refused on its field, keeping what was typed', async () => {
    const emulator = await startTestClinikoEmulator();
    const user = userEvent.setup();
    const { container } = renderWithCliniko(<OnlineBooking />);
    await user.click(await within(widget()).findByRole('radio', { name: /Standard Consultation/ }));
    await user.click(await within(group(/^Day/)).findByRole('radio', { name: /Fri, Mar 7/ }));
    await user.click(await within(group(/^Time/)).findByRole('radio', { name: '10:00 AM' }));
    await user.click(within(group('Book for')).getByRole('radio', { name: 'A new patient' }));
    await user.type(within(widget()).getByRole('textbox', { name: /First name/ }), 'Ada');
    await user.click(within(widget()).getByRole('button', { name: 'Book appointment' }));

    const family = within(widget()).getByRole('textbox', { name: /Family name/ });
    await waitFor(() => expect(family).toHaveFocus());
    expect(family).toHaveAccessibleDescription('Required');
    await expectNoAxeViolations(container);

    await user.type(family, 'Park');
    await user.type(within(widget()).getByRole('textbox', { name: 'Email' }), 'not an email');
    await user.click(within(widget()).getByRole('button', { name: 'Book appointment' }));
    const email = within(widget()).getByRole('textbox', { name: 'Email' });
    await waitFor(() => expect(email).toHaveFocus());
    expect(email).toHaveAccessibleDescription('is invalid');
    expect(await alertSaying(/^The patient was not saved/)).toBeVisible();
    expect(within(widget()).getByRole('textbox', { name: /First name/ })).toHaveValue('Ada');
    expect(await bookedAt(emulator, FRIDAY_TEN)).toEqual([]);
  });
});

describe('OnlineBooking when lists cannot be loaded', () => {
  it.each([
    [401, 'UNAUTHORIZED', 'Your session has ended'],
    [429, 'RATE_LIMITED', 'Too many requests'],
  ])('says what a %i means, with a retry', async (status, code, words) => {
    await startTestClinikoEmulator();
    mswServer.use(
      http.get(
        `${TEST_CLINIKO_URL}/businesses`,
        () => HttpResponse.json({ error: code, code, requestId: 'req_x', issues: [] }, { status }),
        { once: true },
      ),
    );
    const user = userEvent.setup();
    const { container } = renderWithCliniko(<OnlineBooking />);
    const alert = await alertSaying(/^The locations could not be loaded/);
    expect(alert).toHaveTextContent(`The locations could not be loaded. ${words}`);
    await expectNoAxeViolations(container);
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await within(group('Location')).findByRole('radio', { name: /Fitzroy Physio/ })).toBeChecked();
  });

  it('says a 403 is the account’s access, and offers no retry that cannot succeed', async () => {
    await startTestClinikoEmulator();
    mswServer.use(http.get(`${TEST_CLINIKO_URL}/businesses`, () => errorAnswer('FORBIDDEN', { requestId: 'req_x' })));
    const { container } = renderWithCliniko(<OnlineBooking />);
    const alert = await alertSaying(/^The locations could not be loaded/);
    expect(alert).toHaveTextContent('The locations could not be loaded. Your account does not have access to these records.');
    expect(within(alert).queryByRole('button', { name: 'Try again' })).toBeNull();
    await expectNoAxeViolations(container);
  });
});

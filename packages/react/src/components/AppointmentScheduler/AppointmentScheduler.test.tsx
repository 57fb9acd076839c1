import type { Appointment } from '@clinikapi/core';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { expectNoAxeViolations } from '../../test/axe.ts';
import { TEST_PROXY_URL, startTestEmulator } from '../../test/emulator.ts';
import { createRecord, patientIdOf, recordsOf } from '../../test/emulator-records.ts';
import { failing } from '../../test/error-answers.ts';
import { mswServer } from '../../test/msw-server.ts';
import { renderWithClient } from '../../test/render.tsx';
import { onRequest } from '../../test/requests.ts';
import { AppointmentScheduler } from './AppointmentScheduler.tsx';

/** The day the tests book on, seen from the morning before; Chicago is UTC−6 then. */
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
  const otherPatientId = await patientIdOf(emulator, 'Hartley');
  const { id: practitionerId } = await createRecord<{ id: string }>(emulator, 'practitioners', {
    firstName: 'Ravi',
    lastName: 'Shah',
    prefix: ['Dr.'],
  });
  const other = await createRecord<{ id: string }>(emulator, 'practitioners', { firstName: 'Ana', lastName: 'Lopez', prefix: ['Dr.'] });
  // 9:00–9:30 with Dr. Shah for someone else; 11:00–11:30 for this patient with Dr. Lopez; a cancelled one at 10:00.
  await createRecord(emulator, 'appointments', {
    status: 'booked',
    patientId: otherPatientId,
    practitionerId,
    start: `${DAY}T15:00:00Z`,
    end: `${DAY}T15:30:00Z`,
    description: 'Private matter',
  });
  await createRecord(emulator, 'appointments', {
    status: 'booked',
    patientId,
    practitionerId: other.id,
    start: `${DAY}T17:00:00Z`,
    end: `${DAY}T17:30:00Z`,
  });
  await createRecord(emulator, 'appointments', {
    status: 'cancelled',
    patientId: otherPatientId,
    practitionerId,
    start: `${DAY}T16:00:00Z`,
    end: `${DAY}T16:30:00Z`,
  });
  return { emulator, patientId, practitionerId };
}

const form = () => screen.getByRole('form', { name: 'Book an appointment' });
const times = () => within(form()).getByRole('radiogroup', { name: /^Time/ });
const agenda = () => within(form()).getByRole('region', { name: 'Already booked that day' });
const slot = (name: string) => within(times()).getByRole('radio', { name: new RegExp(`^${name}`) });

/** The starts of the patient's appointments on the test day, in order. */
async function startsOnTheDay(emulator: Awaited<ReturnType<typeof startTestEmulator>>, patientId: string): Promise<string[]> {
  const appointments = await recordsOf<Appointment>(emulator, 'appointments', patientId);
  return appointments.flatMap((entry) => (entry.start?.startsWith(DAY) ? [entry.start] : [])).sort();
}

function countPosts(): { readonly count: () => number } {
  let posts = 0;
  onRequest((request) => {
    if (request.method === 'POST') posts += 1;
  });
  return { count: () => posts };
}

describe('AppointmentScheduler', () => {
  it('shows the day in the clinic’s zone and what the practitioner and patient already have', async () => {
    const { patientId, practitionerId } = await setUp();
    const { container } = renderWithClient(
      <AppointmentScheduler patientId={patientId} practitionerId={practitionerId} timeZone={ZONE} defaultDate={DAY} />,
    );

    expect(within(form()).getByText('Times are in Central Standard Time (America/Chicago).')).toBeVisible();
    const items = await within(agenda()).findAllByRole('listitem');
    // Someone else's appointment shows only as booked: its description is not this patient's business.
    expect(items.map((item) => item.textContent)).toEqual([
      expect.stringMatching(/^9:00\s–\s9:30\sAM\s*Booked$/),
      expect.stringMatching(/^11:00\s–\s11:30\sAM\s*This patient, with another practitioner$/),
    ]);
    expect(container).not.toHaveTextContent('Private matter');

    // With the default 30 minutes, 8:45 would run into 9:00; 10:00 is free again because that booking was cancelled.
    expect(slot('8:30 AM')).toBeEnabled();
    expect(slot('8:45 AM')).toBeDisabled();
    expect(slot('8:45 AM')).toHaveAccessibleName('8:45 AM, unavailable, booked');
    expect(slot('9:15 AM')).toBeDisabled();
    expect(slot('10:00 AM')).toBeEnabled();
    expect(slot('10:45 AM')).toBeDisabled();
    expect(slot('5:30 PM')).toBeEnabled();
    expect(within(times()).queryByRole('radio', { name: /^6:00 PM/ })).not.toBeInTheDocument();
    await expectNoAxeViolations(container);
  });

  it('books every documented field, stored in UTC, and shows the booking at once', async () => {
    const { emulator, patientId, practitionerId } = await setUp();
    const onSuccess = vi.fn();
    const user = userEvent.setup();
    const { container } = renderWithClient(
      <AppointmentScheduler
        patientId={patientId}
        practitionerId={practitionerId}
        timeZone={ZONE}
        defaultDate={DAY}
        onSuccess={onSuccess}
      />,
    );
    await within(agenda()).findAllByRole('listitem');

    await user.selectOptions(within(form()).getByRole('combobox', { name: /Duration/ }), '45 minutes');
    await user.click(slot('10:00 AM'));
    // The receptionist's computer is on UTC here: the chosen time on their clock too.
    expect(within(form()).getByText('That is Mar 4, 2025, 4:00 PM in your time zone (Coordinated Universal Time).')).toBeVisible();
    await user.selectOptions(within(form()).getByRole('combobox', { name: 'Appointment type' }), 'Urgent');
    await user.selectOptions(within(form()).getByRole('combobox', { name: 'Priority' }), 'High');
    await user.type(within(form()).getByRole('textbox', { name: 'Service type' }), 'Cardiology consultation');
    await user.type(within(form()).getByRole('textbox', { name: 'Specialty' }), 'Cardiology');
    await user.type(within(form()).getByRole('textbox', { name: 'Description' }), 'Follow-up for hypertension');
    await user.type(within(form()).getByRole('textbox', { name: 'Reason for the visit' }), 'Blood pressure check');
    await user.type(within(form()).getByRole('textbox', { name: 'Instructions for the patient' }), 'Bring home BP log');
    await user.click(within(form()).getByRole('button', { name: 'Book appointment' }));

    expect(await within(form()).findByRole('status')).toHaveTextContent(
      'Booked for Mar 4, 2025, 10:00 – 10:45 AM (Central Standard Time).',
    );
    expect(onSuccess).toHaveBeenCalledWith(expect.objectContaining({ resourceType: 'Appointment', status: 'booked' }));
    // The day stays on view, and the new booking blocks its times straight away.
    expect(within(form()).getByLabelText(/^Date/)).toHaveValue(DAY);
    expect(slot('10:15 AM')).toBeDisabled();
    expect(await within(agenda()).findByText('This patient: Follow-up for hypertension')).toBeVisible();

    const stored = (await recordsOf<Appointment>(emulator, 'appointments', patientId)).find((entry) => entry.start === `${DAY}T16:00:00Z`);
    expect(stored).toMatchObject({
      status: 'booked',
      end: `${DAY}T16:45:00Z`,
      minutesDuration: 45,
      appointmentType: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0276', code: 'EMERGENCY' }] },
      serviceType: [{ text: 'Cardiology consultation' }],
      specialty: [{ text: 'Cardiology' }],
      priority: 9,
      description: 'Follow-up for hypertension',
      reasonCode: [{ text: 'Blood pressure check' }],
      patientInstruction: 'Bring home BP log',
      participant: expect.arrayContaining([expect.objectContaining({ actor: { reference: `Practitioner/${practitionerId}` } })]),
    });
    await expectNoAxeViolations(container);
  });

  it('asks for a time before sending, and takes the user to the times', async () => {
    const { patientId, practitionerId } = await setUp();
    const posts = countPosts();
    const user = userEvent.setup();
    const { container } = renderWithClient(
      <AppointmentScheduler patientId={patientId} practitionerId={practitionerId} timeZone={ZONE} defaultDate={DAY} />,
    );
    await within(agenda()).findAllByRole('listitem');
    await user.click(within(form()).getByRole('button', { name: 'Book appointment' }));

    await waitFor(() => expect(times()).toHaveAccessibleDescription(expect.stringContaining('Choose a time')));
    expect(times()).toHaveAttribute('aria-invalid', 'true');
    expect(slot('8:00 AM')).toHaveFocus();
    expect(posts.count()).toBe(0);
    await expectNoAxeViolations(container);
  });

  it('refuses a clash the chosen duration creates, naming the booking it runs into', async () => {
    const { patientId, practitionerId } = await setUp();
    const posts = countPosts();
    const user = userEvent.setup();
    const { container } = renderWithClient(
      <AppointmentScheduler patientId={patientId} practitionerId={practitionerId} timeZone={ZONE} defaultDate={DAY} />,
    );
    await within(agenda()).findAllByRole('listitem');
    await user.click(slot('8:30 AM'));
    await user.selectOptions(within(form()).getByRole('combobox', { name: /Duration/ }), '60 minutes');
    // The chosen time stays chosen (and reachable) while it no longer fits.
    expect(slot('8:30 AM')).toBeChecked();
    await user.click(within(form()).getByRole('button', { name: 'Book appointment' }));

    await waitFor(() =>
      expect(times()).toHaveAccessibleDescription(
        expect.stringMatching(/Clashes with the practitioner’s appointment at 9:00\s–\s9:30\sAM\./),
      ),
    );
    expect(slot('8:30 AM')).toHaveFocus();
    expect(posts.count()).toBe(0);
    await expectNoAxeViolations(container);
  });

  it('puts a clash the server reports on the time, and books another time once', async () => {
    const { emulator, patientId, practitionerId } = await setUp();
    mswServer.use(failing('POST', 'appointments', { times: 1, code: 'CONFLICT', requestId: 'req_409' }));
    const onError = vi.fn();
    const user = userEvent.setup();
    const { container } = renderWithClient(
      <AppointmentScheduler patientId={patientId} practitionerId={practitionerId} timeZone={ZONE} defaultDate={DAY} onError={onError} />,
    );
    await within(agenda()).findAllByRole('listitem');
    await user.click(slot('2:00 PM'));
    await user.click(within(form()).getByRole('button', { name: 'Book appointment' }));

    await waitFor(() => expect(times()).toHaveAccessibleDescription(expect.stringContaining('That time was booked by someone else')));
    expect(slot('2:00 PM')).toHaveFocus();
    expect(within(form()).queryByRole('alert')).not.toBeInTheDocument();
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ status: 409 }));
    await expectNoAxeViolations(container);

    await user.click(slot('2:30 PM'));
    await user.click(within(form()).getByRole('button', { name: 'Book appointment' }));
    expect(await within(form()).findByRole('status')).toHaveTextContent('2:30 – 3:00 PM');
    expect(await startsOnTheDay(emulator, patientId)).toEqual([`${DAY}T17:00:00Z`, `${DAY}T20:30:00Z`]);
  });

  it('keeps the choice when the server fails, and books once on retry', async () => {
    const { emulator, patientId, practitionerId } = await setUp();
    mswServer.use(failing('POST', 'appointments', { times: 1 }));
    const user = userEvent.setup();
    const { container } = renderWithClient(
      <AppointmentScheduler patientId={patientId} practitionerId={practitionerId} timeZone={ZONE} defaultDate={DAY} />,
    );
    await within(agenda()).findAllByRole('listitem');
    await user.click(slot('3:00 PM'));
    await user.click(within(form()).getByRole('button', { name: 'Book appointment' }));

    const alert = await within(form()).findByRole('alert');
    expect(alert).toHaveTextContent('The appointment was not booked. Something went wrong on the server.');
    expect(alert).toHaveTextContent('Reference: req_fail');
    expect(slot('3:00 PM')).toBeChecked();
    await expectNoAxeViolations(container);

    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await within(form()).findByRole('status')).toHaveTextContent('3:00 – 3:30 PM');
    expect(await startsOnTheDay(emulator, patientId)).toEqual([`${DAY}T17:00:00Z`, `${DAY}T21:00:00Z`]);
  });

  it('can be operated with the keyboard alone', async () => {
    const { emulator, patientId, practitionerId } = await setUp();
    const user = userEvent.setup();
    const { container } = renderWithClient(<AppointmentScheduler patientId={patientId} practitionerId={practitionerId} timeZone={ZONE} />);

    await user.tab(); // practitioner
    expect(within(form()).getByRole('combobox', { name: 'Practitioner' })).toHaveFocus();
    await user.tab(); // date: today in Chicago by default
    expect(within(form()).getByLabelText(/^Date/)).toHaveValue('2025-03-03');
    await user.clear(within(form()).getByLabelText(/^Date/));
    await user.keyboard(DAY);
    expect(within(form()).getByLabelText(/^Date/)).toHaveValue(DAY);
    await within(agenda()).findAllByRole('listitem');
    await user.tab(); // duration
    await user.tab(); // the times: the first free one
    expect(slot('8:00 AM')).toHaveFocus();
    await user.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}'); // 8:15, 8:30, then past the booked 8:45–9:15 to 9:30
    expect(slot('9:30 AM')).toBeChecked();
    await user.tab(); // appointment type (native selects: the browser's own keyboard handling)
    await user.tab(); // priority
    await user.tab(); // service type
    await user.tab(); // specialty
    await user.tab(); // description
    await user.keyboard('Annual review{Enter}');

    expect(await within(form()).findByRole('status')).toHaveTextContent('9:30 – 10:00 AM');
    const stored = (await recordsOf<Appointment>(emulator, 'appointments', patientId)).find(
      (entry) => entry.description === 'Annual review',
    );
    expect(stored).toMatchObject({ start: `${DAY}T15:30:00Z`, end: `${DAY}T16:00:00Z`, priority: 0 });
    await expectNoAxeViolations(container);
  });

  it('asks a patient booking for themselves only what a patient decides, with every code named in words', async () => {
    const { patientId, practitionerId } = await setUp();
    const { container } = renderWithClient(
      <AppointmentScheduler patientId={patientId} practitionerId={practitionerId} timeZone={ZONE} defaultDate={DAY} variant="patient" />,
    );
    await within(agenda()).findByText('This patient, with another practitioner');
    for (const clinicOnly of [/^Priority/, /^Service type/, /^Specialty/])
      expect(within(form()).queryByRole('combobox', { name: clinicOnly })).toBeNull();
    expect(within(form()).queryByRole('textbox', { name: /Service type|Specialty|Instructions for the patient/ })).toBeNull();
    const types = within(within(form()).getByRole('combobox', { name: 'Appointment type' }))
      .getAllByRole('option')
      .map((option) => option.textContent);
    expect(types).toEqual(['Not specified', 'Routine visit', 'Follow-up', 'Urgent', 'Walk-in', 'Check-up']);
    await expectNoAxeViolations(container);
  });

  it('works on its own with proxyUrl, with no provider around it', async () => {
    const { patientId, practitionerId } = await setUp();
    const { container } = render(
      <AppointmentScheduler
        proxyUrl={TEST_PROXY_URL}
        patientId={patientId}
        practitionerId={practitionerId}
        timeZone={ZONE}
        defaultDate={DAY}
      />,
    );
    expect(await within(agenda()).findByText('This patient, with another practitioner')).toBeVisible();
    expect(await within(form()).findByRole('option', { name: 'Dr. Ravi Shah' })).toBeInTheDocument();
    await expectNoAxeViolations(container);
  });

  it('takes the app’s wording, classes per part, a theme, and drops its styles when unstyled', async () => {
    const { patientId } = await setUp();
    const { container } = renderWithClient(
      <AppointmentScheduler
        patientId={patientId}
        timeZone={ZONE}
        defaultDate={DAY}
        theme="dark"
        unstyled
        className="mine"
        classNames={{ slots: 'my-slots' }}
      />,
      { provider: { messages: { appointmentScheduler: { title: 'New visit', save: 'Book it' } } } as never },
    );
    const root = screen.getByRole('region', { name: 'New visit' });
    expect(root).toHaveClass('mine');
    expect(root).not.toHaveClass('ck-root');
    expect(root).toHaveAttribute('data-theme', 'dark');
    expect(root).toHaveAttribute('data-time-zone', ZONE);
    expect(screen.getByRole('button', { name: 'Book it' })).toBeVisible();
    expect(screen.getByRole('radiogroup', { name: /^Time/ }).parentElement).toHaveClass('my-slots');
    await expectNoAxeViolations(container);
  });
});

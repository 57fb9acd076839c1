import type { PatientSummary } from '@clinikapi/core';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { expectNoAxeViolations } from '../../test/axe.ts';
import { startWithClinicalRecord } from '../../test/clinical-record.ts';
import { createRecord } from '../../test/emulator-records.ts';
import { TEST_PROXY_URL } from '../../test/emulator.ts';
import { errorAnswer, failing } from '../../test/error-answers.ts';
import { mswServer } from '../../test/msw-server.ts';
import { renderWithClient } from '../../test/render.tsx';
import { countRequests } from '../../test/requests.ts';
import { PatientDashboard } from './PatientDashboard.tsx';

const NOW = Date.now();
const section = (name: string) => screen.getByRole('region', { name });

describe('PatientDashboard profile', () => {
  it('shows the whole record from one request, each section filled from it', async () => {
    const { patientId } = await startWithClinicalRecord();
    const requests = countRequests();
    const { container } = renderWithClient(<PatientDashboard patientId={patientId} now={NOW} />);
    expect(screen.getByText('Loading the patient’s record…')).toBeInTheDocument();

    const banner = await screen.findByRole('region', { name: 'Amara Okafor' });
    expect(within(banner).getByText(/Female · Born Apr 12, 1986/)).toBeVisible();
    // Allergies are shown once, in their own section: not again in the banner above it.
    expect(within(banner).queryByRole('group', { name: 'Allergies' })).toBeNull();
    expect(within(section('Allergies and conditions')).getByText('Penicillin')).toBeVisible();

    const vitals = section('Latest vitals');
    expect(
      within(vitals)
        .getAllByRole('listitem')
        .map((tile) => tile.getAttribute('data-vital')),
    ).toEqual(['heartRate', 'bloodPressure', 'temperature', 'respiratoryRate', 'oxygenSaturation', 'weight']);
    const pressure = within(vitals).getAllByRole('listitem')[1] as HTMLElement;
    expect(pressure).toHaveTextContent('142/92 mmHg');
    expect(within(pressure).getByText('Systolic High ↑')).toBeVisible();
    expect(within(section('Allergies and conditions')).getByText('Essential hypertension')).toBeVisible();
    expect(within(section('Medications')).getByText('Amlodipine 5mg tablet')).toBeVisible();
    expect(within(section('Medications')).queryByText('Amoxicillin 500mg capsule')).not.toBeInTheDocument();
    const appointments = section('Upcoming appointments');
    expect(within(appointments).getAllByRole('listitem')).toHaveLength(1);
    expect(within(appointments).getByText('Blood pressure review')).toBeVisible();
    expect(within(appointments).getByText(/in 2 days|tomorrow/)).toBeVisible();
    expect(within(section('Encounters')).getAllByRole('listitem')).toHaveLength(4);
    expect(within(section('Lab results')).getByRole('button', { name: 'Chest X-ray 2 views' })).toBeVisible();
    const notes = section('Clinical notes');
    expect(within(notes).getByText('Annual review')).toBeVisible();
    expect(within(notes).getByText('Blood pressure above target on home readings. Amlodipine started.')).toBeVisible();

    expect([...requests.entries()]).toEqual([[`GET patients/${patientId}`, 1]]);
    await expectNoAxeViolations(container);
  });

  it('renders a note as the note editor does, and names every code in words', async () => {
    const { emulator, patientId } = await startWithClinicalRecord();
    await createRecord(emulator, 'notes', {
      patientId,
      authorId: 'dr-a',
      type: 'consultation-note',
      title: 'Cardiology opinion',
      contentType: 'text/markdown',
      content: '## Plan\n- Recheck in **two weeks**',
      date: '2025-02-01T09:00:00Z',
    });
    await createRecord(emulator, 'appointments', {
      patientId,
      status: 'booked',
      start: new Date(NOW + 3 * 86_400_000).toISOString(),
      end: new Date(NOW + 3 * 86_400_000 + 900_000).toISOString(),
      appointmentType: 'walkin',
    });
    const { container } = renderWithClient(<PatientDashboard patientId={patientId} now={NOW} />);
    const notes = await screen.findByRole('region', { name: 'Clinical notes' });
    const opinion = within(notes).getByText('Cardiology opinion').closest('li') as HTMLElement;
    expect(within(opinion).getByRole('heading', { name: 'Plan' })).toBeInTheDocument();
    expect(within(opinion).getByText('two weeks').tagName).toBe('STRONG');
    expect(opinion).not.toHaveTextContent(/\*\*|##/);
    expect(opinion).toHaveTextContent('Consultation note');
    const appointments = section('Upcoming appointments');
    expect(within(appointments).getByText('Walk-in')).toBeVisible();
    expect(within(appointments).getAllByText('Booked').length).toBeGreaterThan(0);
    expect(appointments).not.toHaveTextContent(/walkin|WALKIN|followup|FOLLOWUP|booked/);
    await expectNoAxeViolations(container);
  });

  it('says per section that records are still syncing while the search index lags, then fills in', async () => {
    const { patientId } = await startWithClinicalRecord();
    let lagging = true;
    mswServer.use(
      http.get(`${TEST_PROXY_URL}/patients/:id`, ({ request }) =>
        lagging && new URL(request.url).searchParams.has('_revinclude') ? errorAnswer('NOT_FOUND', { requestId: 'req_lag' }) : undefined,
      ),
    );
    const { container } = renderWithClient(<PatientDashboard patientId={patientId} now={NOW} />);
    expect(await screen.findByRole('heading', { level: 3, name: 'Amara Okafor' })).toBeVisible();
    expect(screen.getByText(/records are still being indexed; the sections below fill in/)).toBeVisible();
    expect(within(section('Medications')).getByText(/still being indexed/)).toBeVisible();
    expect(within(section('Clinical notes')).getByText(/still being indexed/)).toBeVisible();
    expect(screen.getByRole('region', { name: 'Amara Okafor' }).closest('[data-complete]')).toBeNull();
    await expectNoAxeViolations(container);

    lagging = false;
    await userEvent.setup().click(within(section('Medications')).getByRole('button', { name: 'Refresh' }));
    expect(await within(section('Medications')).findByText('Amlodipine 5mg tablet')).toBeVisible();
    expect(screen.queryByText(/sections below fill in/)).not.toBeInTheDocument();
  });

  it('gives every section its own empty state', async () => {
    const { patientId } = await startWithClinicalRecord({ empty: true, lastName: 'Wei' });
    const { container } = renderWithClient(<PatientDashboard patientId={patientId} now={NOW} />);
    await screen.findByRole('heading', { level: 3, name: 'Chen Wei' });
    expect(within(section('Latest vitals')).getByText('No vitals recorded.')).toBeVisible();
    expect(within(section('Allergies and conditions')).getByText('No allergies recorded.')).toBeVisible();
    expect(within(section('Allergies and conditions')).getByText('No conditions recorded.')).toBeVisible();
    expect(within(section('Medications')).getByText('No active medications.')).toBeVisible();
    expect(within(section('Upcoming appointments')).getByText('No upcoming appointments.')).toBeVisible();
    expect(within(section('Encounters')).getByText('No encounters yet.')).toBeVisible();
    expect(within(section('Lab results')).getByText('No lab reports yet.')).toBeVisible();
    expect(within(section('Clinical notes')).getByText('No notes yet.')).toBeVisible();
    await expectNoAxeViolations(container);
  });

  it('shows a failed record with its reference and recovers on retry', async () => {
    const { patientId } = await startWithClinicalRecord();
    mswServer.use(failing('GET', 'patients/:id', { times: 1, requestId: 'req_dash' }));
    const user = userEvent.setup();
    const { container } = renderWithClient(<PatientDashboard patientId={patientId} now={NOW} />);
    const alert = (await screen.findByText(/The patient could not be loaded/)).closest('[role="alert"]') as HTMLElement;
    expect(alert).toHaveTextContent('Reference: req_dash');
    await expectNoAxeViolations(container);
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { level: 3, name: 'Amara Okafor' })).toBeVisible();
  });

  it('shows the trend charts on request, drawn from the same record', async () => {
    const { patientId } = await startWithClinicalRecord();
    const requests = countRequests();
    const user = userEvent.setup();
    renderWithClient(<PatientDashboard patientId={patientId} now={NOW} />);
    const toggle = await within(await screen.findByRole('region', { name: 'Latest vitals' })).findByRole('button', { name: 'Show trends' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    const trends = await screen.findByRole('region', { name: 'Vital sign trends' });
    expect(within(trends).getByRole('heading', { level: 4, name: 'Vital sign trends' })).toBeVisible();
    expect(within(trends).getByRole('table', { name: 'Readings of Heart rate' })).toBeInTheDocument();
    expect([...requests.keys()]).toEqual([`GET patients/${patientId}`]);
  });
  it('opens the appointment scheduler on request, loading it only then — with the keyboard', async () => {
    const { patientId } = await startWithClinicalRecord();
    const requests = countRequests();
    const user = userEvent.setup();
    const { container } = renderWithClient(<PatientDashboard patientId={patientId} now={NOW} timeZone="America/Chicago" />);
    const open = await within(await screen.findByRole('region', { name: 'Upcoming appointments' })).findByRole('button', {
      name: 'Schedule an appointment',
    });
    expect(open).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('region', { name: 'Book an appointment' })).not.toBeInTheDocument();
    expect([...requests.keys()]).toEqual([`GET patients/${patientId}`]);

    open.focus();
    await user.keyboard('{Enter}');
    const scheduler = await screen.findByRole('region', { name: 'Book an appointment' }, { timeout: 10_000 });
    expect(within(scheduler).getByText(/America\/Chicago/)).toBeInTheDocument();
    expect(within(section('Upcoming appointments')).getByRole('button', { name: 'Close the scheduler' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
    await expectNoAxeViolations(container);
  });
});

describe('PatientDashboard create', () => {
  it('validates, creates the patient and shows their profile', async () => {
    const { emulator } = await startWithClinicalRecord({ empty: true });
    const onPatientCreated = vi.fn();
    const user = userEvent.setup();
    const { container } = renderWithClient(<PatientDashboard onPatientCreated={onPatientCreated} now={NOW} />);
    const form = screen.getByRole('form', { name: 'New patient' });

    await user.click(within(form).getByRole('button', { name: 'Create patient' }));
    const first = within(form).getByRole('textbox', { name: /First name/ });
    await waitFor(() => expect(first).toHaveFocus());
    expect(first).toHaveAccessibleDescription('Enter the first name');
    expect(within(form).getByRole('textbox', { name: /Last name/ })).toHaveAccessibleDescription('Enter the last name');
    await expectNoAxeViolations(container);

    await user.type(first, 'Ngozi');
    await user.type(within(form).getByRole('textbox', { name: /Last name/ }), 'Eze');
    await user.type(within(form).getByRole('textbox', { name: 'Email' }), 'not-an-email');
    await user.click(within(form).getByRole('button', { name: 'Create patient' }));
    expect(await within(form).findByText('Enter an email address such as name@example.org')).toBeVisible();
    await user.clear(within(form).getByRole('textbox', { name: 'Email' }));
    await user.type(within(form).getByRole('textbox', { name: 'Email' }), 'ngozi.eze@example.org');
    await user.click(within(form).getByRole('button', { name: 'Create patient' }));

    expect(await screen.findByRole('heading', { level: 3, name: 'Ngozi Eze' })).toBeVisible();
    expect(await screen.findByText('Created Ngozi Eze.')).toBeInTheDocument();
    expect(onPatientCreated).toHaveBeenCalledWith(expect.objectContaining({ fullName: 'Ngozi Eze', email: 'ngozi.eze@example.org' }));
    const id = (onPatientCreated.mock.calls[0]?.[0] as PatientSummary).id;
    const stored = await emulator.handleProxyRequest(new Request(`http://localhost${TEST_PROXY_URL}/patients/${id}`), TEST_PROXY_URL);
    expect(((await stored.json()) as { data: PatientSummary }).data).toMatchObject({ firstName: 'Ngozi', lastName: 'Eze' });
    expect(await within(section('Medications')).findByText('No active medications.')).toBeVisible();
  });

  it('says what is wrong with a name: too long is not missing', async () => {
    await startWithClinicalRecord({ empty: true });
    const user = userEvent.setup();
    renderWithClient(<PatientDashboard now={NOW} />);
    const form = screen.getByRole('form', { name: 'New patient' });
    const last = within(form).getByRole('textbox', { name: /Last name/ });
    await user.type(within(form).getByRole('textbox', { name: /First name/ }), 'Ngozi');
    await user.click(last);
    await user.paste('E'.repeat(101));
    await user.click(within(form).getByRole('button', { name: 'Create patient' }));
    await waitFor(() => expect(last).toHaveAccessibleDescription('At most 100 characters'));
  });
});

/**
 * Widgets and what their user may do: grants given up front, read from the proxy's `/_access`, or learned from the
 * first 403 — a list the user may not read is a terminal note (no request, no retry), a form they may not send is
 * not shown, and a 403 on submit says the write was refused, without a retry that could never succeed.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { PatientDashboard } from '../components/PatientDashboard/PatientDashboard.tsx';
import { VitalsChart } from '../components/VitalsChart/VitalsChart.tsx';
import { VitalsWidget } from '../components/VitalsWidget/VitalsWidget.tsx';
import { usePatient } from '../hooks/resources/patients.ts';
import { expectNoAxeViolations } from '../test/axe.ts';
import { startWithClinicalRecord } from '../test/clinical-record.ts';
import { startTestEmulator, TEST_PROXY_URL } from '../test/emulator.ts';
import { patientIdOf } from '../test/emulator-records.ts';
import { errorAnswer } from '../test/error-answers.ts';
import { mswServer } from '../test/msw-server.ts';
import { accessAnswer, FRONT_DESK, refusal } from '../test/refusals.ts';
import { renderHookWithClient, renderWithClient } from '../test/render.tsx';
import { countRequests, onRequest } from '../test/requests.ts';
import { useAccess } from './useAccess.ts';

async function hartley(): Promise<string> {
  return patientIdOf(await startTestEmulator(), 'Hartley');
}

const NOT_AVAILABLE = 'Not available to your account.';

/**
 * The control read: it starts on mount, as a list read would, so once it has answered a list read would have been
 * sent. Waiting for it, not for a fixed time, is what makes "asked for none" true on a slow machine.
 */
function PatientRead({ patientId }: { readonly patientId: string }): ReactNode {
  return usePatient(patientId).isSuccess ? <p>Patient read.</p> : null;
}

describe('grants known up front', () => {
  it('shows the vitals a front desk may not read as not available, asks for none, and offers no form', async () => {
    const patientId = await hartley();
    const requests = countRequests();
    const { container } = renderWithClient(
      <>
        <VitalsWidget patientId={patientId} />
        <PatientRead patientId={patientId} />
      </>,
      { provider: { access: FRONT_DESK } },
    );
    const records = screen.getByRole('region', { name: 'Recent vitals' });
    expect(within(records).getByText(NOT_AVAILABLE)).toBeVisible();
    expect(screen.queryByRole('form', { name: 'Record vitals' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
    await screen.findByText('Patient read.');
    expect([...requests.keys()]).toEqual([`GET patients/${patientId}`]);
    await expectNoAxeViolations(container);
  });

  it('reads them once from the proxy with access="proxy", and waits for them before asking for records', async () => {
    const patientId = await hartley();
    mswServer.use(accessAnswer({ observations: ['search', 'read'] }));
    const requests = countRequests();
    renderWithClient(
      <>
        <VitalsWidget patientId={patientId} />
        <VitalsChart patientId={patientId} />
      </>,
      { provider: { access: 'proxy' } },
    );
    // Readable but not writable: the list, and no form.
    expect(await screen.findByText('No vitals recorded.')).toBeVisible();
    expect(screen.queryByRole('form', { name: 'Record vitals' })).not.toBeInTheDocument();
    expect(requests.get('GET _access')).toBe(1);
    expect(requests.get('GET observations')).toBeGreaterThanOrEqual(1);
  });

  it('leaves out the dashboard sections a front desk may not read, and asks only for what they may', async () => {
    const { patientId } = await startWithClinicalRecord();
    const urls: string[] = [];
    onRequest((request) => void urls.push(decodeURIComponent(new URL(request.url).search)));
    const { container } = renderWithClient(<PatientDashboard patientId={patientId} />, { provider: { access: FRONT_DESK } });
    await screen.findByRole('heading', { level: 3, name: 'Amara Okafor' });
    expect(await screen.findByRole('region', { name: 'Upcoming appointments' })).toBeVisible();
    for (const name of ['Latest vitals', 'Medications', 'Encounters', 'Lab results', 'Clinical notes', 'Allergies and conditions']) {
      expect(screen.queryByRole('region', { name })).not.toBeInTheDocument();
    }
    expect(screen.queryByText(/could not be loaded/)).not.toBeInTheDocument();
    expect(urls).toEqual(['?_revinclude=Appointment:patient']);
    await expectNoAxeViolations(container);
  });
});

describe('nothing known: learned from the first 403', () => {
  it('turns a refused read into a terminal note, and a refused write into its own message, with no retry', async () => {
    const patientId = await hartley();
    mswServer.use(...refusal('GET', 'observations'), ...refusal('POST', 'observations'));
    const user = userEvent.setup();
    const { container } = renderWithClient(<VitalsWidget patientId={patientId} />);
    const records = screen.getByRole('region', { name: 'Recent vitals' });
    expect(await within(records).findByText(NOT_AVAILABLE)).toBeVisible();
    expect(screen.queryByText(/could not be loaded/)).not.toBeInTheDocument();

    const form = screen.getByRole('form', { name: 'Record vitals' });
    await user.type(within(form).getByRole('textbox', { name: /Heart rate/ }), '72');
    await user.click(within(form).getByRole('button', { name: 'Record vitals' }));
    const alert = await within(form).findByRole('alert');
    expect(alert).toHaveTextContent('The vitals were not recorded. Your account is not allowed to make this change.');
    expect(alert).not.toHaveTextContent(/permission to see/);
    expect(within(form).queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
    // What was typed stays: nothing is lost, and the form stays to say why.
    expect(within(form).getByRole('textbox', { name: /Heart rate/ })).toHaveValue('72');
    await expectNoAxeViolations(container);
  });

  it('keeps what it learned for every widget of the provider: a second vitals form is not offered', async () => {
    const patientId = await hartley();
    mswServer.use(...refusal('POST', 'observations'));
    const user = userEvent.setup();
    const { rerender } = renderWithClient(<VitalsWidget key="first" patientId={patientId} />);
    const form = await screen.findByRole('form', { name: 'Record vitals' });
    await user.type(within(form).getByRole('textbox', { name: /Heart rate/ }), '72');
    await user.click(within(form).getByRole('button', { name: 'Record vitals' }));
    await within(form).findByRole('alert');
    rerender(<VitalsWidget key="second" patientId={patientId} />);
    await screen.findByText('No vitals recorded.');
    expect(screen.queryByRole('form', { name: 'Record vitals' })).not.toBeInTheDocument();
  });

  it('falls back to the patient alone when the record’s includes are refused; each section learns its own answer', async () => {
    const { patientId } = await startWithClinicalRecord();
    for (const path of ['observations', 'prescriptions', 'allergies', 'conditions', 'labs', 'notes', 'encounters'])
      mswServer.use(...refusal('GET', path));
    // Like the proxy: one included type the user may not read refuses the whole record request.
    mswServer.use(
      http.get(`${TEST_PROXY_URL}/patients/:id`, ({ request }) =>
        new URL(request.url).searchParams.getAll('_revinclude').some((value) => !value.startsWith('Appointment'))
          ? errorAnswer('FORBIDDEN', { requestId: 'req_x' })
          : undefined,
      ),
    );
    const { container } = renderWithClient(<PatientDashboard patientId={patientId} />);
    await screen.findByRole('heading', { level: 3, name: 'Amara Okafor' });
    await waitFor(() =>
      expect(within(screen.getByRole('region', { name: 'Upcoming appointments' })).getByText('Blood pressure review')).toBeVisible(),
    );
    // Each refused section, once its own search was refused, is left out like one known up front: no dead ends.
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Latest vitals' })).not.toBeInTheDocument());
    expect(screen.queryByRole('region', { name: 'Clinical notes' })).not.toBeInTheDocument();
    expect(screen.queryByText(/could not be loaded/)).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
    await expectNoAxeViolations(container);
  });
});

describe('useAccess', () => {
  it('says undefined while nothing is known, the grants when given, and false once a 403 taught it', async () => {
    await hartley();
    const unknown = renderHookWithClient(() => useAccess());
    expect(unknown.result.current.can('observations', 'create')).toBeUndefined();
    expect(unknown.result.current.known).toBe(false);

    const given = renderHookWithClient(() => useAccess(), { provider: { access: FRONT_DESK } });
    expect(given.result.current.can('appointments', 'create')).toBe(true);
    expect(given.result.current.can('observations', 'search')).toBe(false);
    expect(given.result.current.pending).toBe(false);
  });

  it('forgets what it learned when the cache is cleared (a sign-out)', async () => {
    const patientId = await hartley();
    mswServer.use(...refusal('GET', 'observations'));
    const { queryClient } = renderWithClient(<VitalsWidget patientId={patientId} />);
    await screen.findByText(NOT_AVAILABLE);
    const access = renderHookWithClient(() => useAccess(), { queryClient });
    expect(access.result.current.can('observations', 'search')).toBe(false);
    queryClient.clear();
    const after = renderHookWithClient(() => useAccess(), { queryClient });
    expect(after.result.current.can('observations', 'search')).toBeUndefined();
  });
});

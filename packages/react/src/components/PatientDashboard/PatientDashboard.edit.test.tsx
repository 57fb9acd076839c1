import type { PatientSummary } from '@clinikapi/core';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { expectNoAxeViolations } from '../../test/axe.ts';
import { startWithClinicalRecord } from '../../test/clinical-record.ts';
import { TEST_PROXY_URL } from '../../test/emulator.ts';
import { renderWithClient } from '../../test/render.tsx';
import { onRequest } from '../../test/requests.ts';
import { PatientDashboard } from './PatientDashboard.tsx';

async function patientIn(
  emulator: Awaited<ReturnType<typeof startWithClinicalRecord>>['emulator'],
  id: string,
  changes?: object,
): Promise<PatientSummary> {
  const response = await emulator.handleProxyRequest(
    new Request(
      `http://localhost${TEST_PROXY_URL}/patients/${id}`,
      changes ? { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify(changes) } : {},
    ),
    TEST_PROXY_URL,
  );
  return ((await response.json()) as { data: PatientSummary }).data;
}

const form = () => screen.getByRole('form', { name: 'Edit Amara Okafor' });

describe('PatientDashboard edit', () => {
  it('saves only what changed, shows it at once and returns focus to Edit — with the keyboard alone', async () => {
    const { emulator, patientId } = await startWithClinicalRecord({ empty: true });
    const onPatientUpdated = vi.fn();
    const patches: unknown[] = [];
    onRequest(async (request) => {
      if (request.method === 'PATCH') patches.push({ body: await request.clone().json(), ifMatch: request.headers.get('if-match') });
    });
    const user = userEvent.setup();
    const { container } = renderWithClient(<PatientDashboard patientId={patientId} onPatientUpdated={onPatientUpdated} />);
    await screen.findByRole('heading', { level: 3, name: 'Amara Okafor' });

    await user.tab();
    expect(screen.getByRole('button', { name: 'Edit details' })).toHaveFocus();
    await user.keyboard('{Enter}');
    const first = within(form()).getByRole('textbox', { name: /First name/ });
    await waitFor(() => expect(first).toHaveFocus());
    expect(first).toHaveValue('Amara');
    expect(within(form()).getByRole('textbox', { name: 'City' })).toHaveValue('Austin');
    await expectNoAxeViolations(container);

    const phone = within(form()).getByRole('textbox', { name: 'Phone' });
    await user.clear(phone);
    await user.type(phone, '+1 512 555 0199');
    await user.clear(within(form()).getByRole('textbox', { name: 'City' }));
    await user.type(within(form()).getByRole('textbox', { name: 'City' }), 'Round Rock{Enter}');

    expect(await screen.findByRole('link', { name: '+1 512 555 0199' })).toBeVisible();
    expect(screen.getByText('14 Willow Bend, Round Rock, TX 78704, US')).toBeVisible();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Edit details' })).toHaveFocus());
    expect(screen.getByText('Saved changes to Amara Okafor.')).toBeInTheDocument();
    expect(patches).toEqual([
      {
        body: {
          phone: '+1 512 555 0199',
          address: { line: ['14 Willow Bend'], city: 'Round Rock', state: 'TX', postalCode: '78704', country: 'US' },
        },
        ifMatch: expect.stringContaining('1'),
      },
    ]);
    expect(await patientIn(emulator, patientId)).toMatchObject({ phone: '+1 512 555 0199', address: { city: 'Round Rock' } });
    expect(onPatientUpdated).toHaveBeenCalledWith(expect.objectContaining({ phone: '+1 512 555 0199' }));
  });

  it('shows someone else’s change instead of overwriting it, and rebases onto it on review', async () => {
    const { emulator, patientId } = await startWithClinicalRecord({ empty: true });
    const user = userEvent.setup();
    const { container } = renderWithClient(<PatientDashboard patientId={patientId} />);
    await user.click(await screen.findByRole('button', { name: 'Edit details' }));

    // A colleague saves first.
    await patientIn(emulator, patientId, { email: 'amara@clinic.example', maritalStatus: 'married' });

    const email = within(form()).getByRole('textbox', { name: 'Email' });
    await user.clear(email);
    await user.type(email, 'amara.o@example.org');
    await user.clear(within(form()).getByRole('textbox', { name: 'Phone' }));
    await user.type(within(form()).getByRole('textbox', { name: 'Phone' }), '+1 512 555 0100');
    await user.click(within(form()).getByRole('button', { name: 'Save changes' }));

    const conflict = (await within(form()).findByText('Someone else changed this patient while you were editing.')).closest(
      '[role="alert"]',
    ) as HTMLElement;
    const rows = within(within(conflict).getByRole('table'))
      .getAllByRole('row')
      .slice(1)
      .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['Email', 'amara@clinic.example', 'amara.o@example.org'],
      ['Marital status', 'married', '(empty)'],
    ]);
    expect(within(conflict).getByRole('button', { name: 'Review the latest version' })).toHaveFocus();
    expect(within(form()).getByRole('button', { name: 'Save changes' })).toBeDisabled();
    expect(await patientIn(emulator, patientId)).toMatchObject({ email: 'amara@clinic.example', phone: '+1 512 555 0142' });
    await expectNoAxeViolations(container);

    await user.click(within(conflict).getByRole('button', { name: 'Review the latest version' }));
    expect(within(form()).getByRole('textbox', { name: 'Email' })).toHaveValue('amara@clinic.example');
    expect(within(form()).getByRole('textbox', { name: 'Phone' })).toHaveValue('+1 512 555 0100');
    expect(within(form()).getByRole('combobox', { name: 'Marital status' })).toHaveValue('married');
    expect(within(form()).getByText(/Re-enter if still needed: Email\./)).toBeVisible();

    await user.click(within(form()).getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByRole('link', { name: '+1 512 555 0100' })).toBeVisible();
    expect(await patientIn(emulator, patientId)).toMatchObject({
      email: 'amara@clinic.example',
      phone: '+1 512 555 0100',
      maritalStatus: 'married',
    });
  });

  it('cancels without saving, and works on its own with proxyUrl and the app’s wording and classes', async () => {
    const { patientId } = await startWithClinicalRecord({ empty: true });
    const user = userEvent.setup();
    render(
      <PatientDashboard
        proxyUrl={TEST_PROXY_URL}
        patientId={patientId}
        unstyled
        className="mine"
        classNames={{ sections: 'my-sections' }}
      />,
    );
    await user.click(await screen.findByRole('button', { name: 'Edit details' }));
    await user.type(within(form()).getByRole('textbox', { name: /First name/ }), 'x');
    await user.click(within(form()).getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByRole('heading', { level: 3, name: 'Amara Okafor' })).toBeVisible();
    const root = screen.getByRole('region', { name: 'Record of Amara Okafor' });
    expect(root).toHaveClass('mine');
    expect(root).toHaveAttribute('data-view', 'profile');
    expect(root.querySelector('.my-sections')).toBeInTheDocument();

    renderWithClient(<PatientDashboard />, {
      provider: { messages: { patientDashboard: { createTitle: 'Register a patient', create: 'Register' } } } as never,
    });
    expect(screen.getByRole('form', { name: 'Register a patient' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Register' })).toBeVisible();
  });
});

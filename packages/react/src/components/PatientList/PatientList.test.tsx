import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { expectNoAxeViolations } from '../../test/axe.ts';
import { TEST_PROXY_URL, startTestEmulator } from '../../test/emulator.ts';
import { errorAnswer } from '../../test/error-answers.ts';
import { mswServer } from '../../test/msw-server.ts';
import { renderWithClient } from '../../test/render.tsx';
import { PatientList } from './PatientList.tsx';

const grid = () => screen.getByRole('grid', { name: 'Patients' });
const rowNames = (): string[] =>
  within(grid())
    .queryAllByRole('rowheader')
    .map((cell) => cell.textContent ?? '');

describe('PatientList', () => {
  it('shows a loading state, then the patients in name order', async () => {
    await startTestEmulator();
    const { container } = renderWithClient(<PatientList pageSize={5} searchDelayMs={0} />);

    expect(screen.getByText('Loading patients…')).toBeInTheDocument();
    expect(grid()).toHaveAttribute('aria-busy', 'true');

    await within(grid()).findByRole('rowheader', { name: 'Samuel Adeyemi' });
    expect(rowNames().slice(0, 5)).toEqual(['Samuel Adeyemi', 'Fatima Al-Sayed', 'Oliver Bennett', 'Elijah Brooks', 'Rosa Delgado']);
    expect(
      within(grid())
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent),
    ).toEqual(['Name ▲', 'Date of birth', 'Gender', 'Contact']);
    expect(within(grid()).getAllByRole('columnheader')[0]).toHaveAttribute('aria-sort', 'ascending');
    await expectNoAxeViolations(container);
  });

  it('loads further pages as the list scrolls, until every patient is there', async () => {
    await startTestEmulator();
    renderWithClient(<PatientList pageSize={5} searchDelayMs={0} height={172} />);
    // Three rows fit; with the rows rendered ahead of them, the first pages load on their own.
    await waitFor(() => expect(screen.getByText(/^15 of 20 patients$/)).toBeInTheDocument());
    expect(grid()).toHaveAttribute('aria-rowcount', '21');
    expect(within(grid()).getAllByRole('row').length).toBeLessThan(15);

    grid().scrollTop = 15 * 44;
    fireEvent.scroll(grid());
    await waitFor(() => expect(screen.getByText(/^20 of 20 patients$/)).toBeInTheDocument());
    expect(await within(grid()).findByRole('rowheader', { name: 'Kenji Tanaka' })).toBeInTheDocument();
  });

  it('searches by partial name as the user types', async () => {
    await startTestEmulator();
    const user = userEvent.setup();
    renderWithClient(<PatientList searchDelayMs={0} />);
    await within(grid()).findByRole('rowheader', { name: 'Amara Okafor' });

    await user.type(screen.getByRole('searchbox', { name: 'Search patients' }), 'okaf');

    await waitFor(() => expect(rowNames()).toEqual(['Amara Okafor']));
    expect(screen.getByText(/^1 of 1 patients$/)).toBeInTheDocument();
  });

  it('sorts by name or date of birth, from the control or the column header', async () => {
    await startTestEmulator();
    const user = userEvent.setup();
    const { container } = renderWithClient(<PatientList searchDelayMs={0} />);
    await within(grid()).findByRole('rowheader', { name: 'Amara Okafor' });

    await user.selectOptions(screen.getByRole('combobox', { name: 'Sort by' }), 'Date of birth, oldest first');
    expect(rowNames().slice(0, 3)).toEqual(['Gabriel Moreau', 'Benjamin Hartley', 'Rosa Delgado']);
    const [name, birthDate] = within(grid()).getAllByRole('columnheader');
    expect(birthDate).toHaveAttribute('aria-sort', 'ascending');
    expect(name).not.toHaveAttribute('aria-sort');

    await user.click(within(birthDate as HTMLElement).getByRole('button', { name: 'Date of birth' }));
    expect(rowNames().slice(0, 2)).toEqual(['Elijah Brooks', 'Leila Haddad']);
    expect(birthDate).toHaveAttribute('aria-sort', 'descending');
    await user.click(within(name as HTMLElement).getByRole('button', { name: 'Name' }));
    await user.click(within(name as HTMLElement).getByRole('button', { name: /Name/ }));
    expect(rowNames().slice(0, 2)).toEqual(['Chen Wei', 'Kenji Tanaka']);
    expect(screen.getByRole('combobox', { name: 'Sort by' })).toHaveValue('-name');
    await expectNoAxeViolations(container);
  });

  it('says so when nothing matches the search', async () => {
    await startTestEmulator();
    const user = userEvent.setup();
    renderWithClient(<PatientList searchDelayMs={0} />);
    await within(grid()).findByRole('rowheader', { name: 'Amara Okafor' });

    await user.type(screen.getByRole('searchbox', { name: 'Search patients' }), 'zzqx');

    expect(await screen.findByText('No patients match “zzqx”.')).toBeVisible();
    expect(screen.queryByRole('grid')).not.toBeInTheDocument();
  });

  it('shows an empty state when the clinic has no patients', async () => {
    await startTestEmulator({ seed: false });
    const { container } = renderWithClient(<PatientList searchDelayMs={0} />);
    expect(await screen.findByText('No patients yet.')).toBeVisible();
    await expectNoAxeViolations(container);
  });

  it('shows the error with its reference and recovers on retry', async () => {
    await startTestEmulator();
    let failures = 1;
    mswServer.use(
      http.get(`${TEST_PROXY_URL}/patients`, () => {
        if (failures-- <= 0) return undefined;
        return errorAnswer('INTERNAL_ERROR', { requestId: 'req_test123' });
      }),
    );
    const user = userEvent.setup();
    const { container } = renderWithClient(<PatientList searchDelayMs={0} />);

    const alert = (await screen.findByText(/Patients could not be loaded/)).closest('[role="alert"]') as HTMLElement;
    expect(alert).toHaveTextContent('Patients could not be loaded. Something went wrong on the server.');
    expect(alert).toHaveTextContent('Reference: req_test123');
    await expectNoAxeViolations(container);

    await user.click(within(alert).getByRole('button', { name: 'Try again' }));

    expect(await within(grid()).findByRole('rowheader', { name: 'Amara Okafor' })).toBeVisible();
    expect(screen.queryByText(/Patients could not be loaded/)).not.toBeInTheDocument();
  });

  it('reports a chosen patient by pointer', async () => {
    await startTestEmulator();
    const onSelect = vi.fn();
    const user = userEvent.setup();
    renderWithClient(<PatientList searchDelayMs={0} onSelect={onSelect} selectedPatientId="none" />);
    await user.click(await within(grid()).findByRole('rowheader', { name: 'Amara Okafor' }));
    expect(onSelect).toHaveBeenLastCalledWith(expect.objectContaining({ fullName: 'Amara Okafor' }));
    expect(within(grid()).getByRole('row', { name: /Amara Okafor/ })).toHaveAttribute('tabindex', '0');
    expect(within(grid()).getByRole('row', { name: /Amara Okafor/ })).toHaveAttribute('aria-selected', 'false');
  });

  it('takes the app’s wording and theme, classes per part, and drops its own styles when unstyled', async () => {
    await startTestEmulator();
    renderWithClient(<PatientList searchDelayMs={0} theme="dark" unstyled className="mine" classNames={{ row: 'my-row' }} />, {
      provider: { messages: { patientList: { title: 'Everyone' } } } as never,
    });
    await screen.findByRole('rowheader', { name: 'Amara Okafor' });
    const region = screen.getByRole('region', { name: 'Everyone' });
    expect(region).toHaveClass('mine');
    expect(region).not.toHaveClass('ck-root');
    expect(region).toHaveAttribute('data-status', 'ready');
    expect(region).toHaveAttribute('data-theme', 'dark');
    expect(screen.getByRole('rowheader', { name: 'Amara Okafor' }).closest('[role="row"]')).toHaveClass('my-row');
  });

  it('works on its own with proxyUrl', async () => {
    await startTestEmulator();
    render(<PatientList proxyUrl={TEST_PROXY_URL} searchDelayMs={0} />);
    expect(await screen.findByRole('rowheader', { name: 'Amara Okafor' })).toBeVisible();
  });
});

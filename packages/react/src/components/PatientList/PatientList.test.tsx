import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { expectNoAxeViolations } from '../../test/axe.ts';
import { TEST_PROXY_URL, startTestEmulator } from '../../test/emulator.ts';
import { mswServer } from '../../test/msw-server.ts';
import { renderWithClient } from '../../test/render.tsx';
import { PatientList } from './PatientList.tsx';

const rowNames = (): string[] =>
  within(screen.getByRole('table', { name: 'Patients' }))
    .getAllByRole('rowheader')
    .map((cell) => cell.textContent ?? '');

describe('PatientList', () => {
  it('shows a loading state, then the patients in name order', async () => {
    await startTestEmulator();
    renderWithClient(<PatientList pageSize={5} searchDelayMs={0} />);

    expect(screen.getByRole('status')).toHaveTextContent('Loading patients…');
    expect(screen.getByRole('table', { name: 'Patients' })).toHaveAttribute('aria-busy', 'true');

    await screen.findByRole('rowheader', { name: 'Samuel Adeyemi' });
    expect(rowNames()).toEqual(['Samuel Adeyemi', 'Fatima Al-Sayed', 'Oliver Bennett', 'Elijah Brooks', 'Rosa Delgado']);
    expect(screen.getByRole('status')).toHaveTextContent('5 of 20 patients');
  });

  it('searches by partial name as the user types', async () => {
    await startTestEmulator();
    const user = userEvent.setup();
    renderWithClient(<PatientList searchDelayMs={0} />);
    await screen.findByRole('rowheader', { name: 'Amara Okafor' });

    await user.type(screen.getByRole('searchbox', { name: 'Search patients' }), 'okaf');

    await waitFor(() => expect(rowNames()).toEqual(['Amara Okafor']));
    expect(screen.getByRole('status')).toHaveTextContent('1 of 1 patients');
  });

  it('says so when nothing matches the search', async () => {
    await startTestEmulator();
    const user = userEvent.setup();
    renderWithClient(<PatientList searchDelayMs={0} />);
    await screen.findByRole('rowheader', { name: 'Amara Okafor' });

    await user.type(screen.getByRole('searchbox', { name: 'Search patients' }), 'zzqx');

    expect(await screen.findByText('No patients match “zzqx”.')).toBeVisible();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('shows an empty state when the clinic has no patients', async () => {
    await startTestEmulator({ seed: false });
    renderWithClient(<PatientList searchDelayMs={0} />);
    expect(await screen.findByText('No patients yet.')).toBeVisible();
  });

  it('shows the error with its reference and recovers on retry', async () => {
    await startTestEmulator();
    let failures = 1;
    mswServer.use(
      http.get(`${TEST_PROXY_URL}/patients`, () => {
        if (failures-- <= 0) return undefined;
        return HttpResponse.json(
          { error: 'Internal Error', code: 'INTERNAL_ERROR', requestId: 'req_test123', issues: [] },
          { status: 500 },
        );
      }),
    );
    const user = userEvent.setup();
    renderWithClient(<PatientList searchDelayMs={0} />);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Patients could not be loaded. Something went wrong on the server.');
    expect(alert).toHaveTextContent('Reference: req_test123');

    await user.click(within(alert).getByRole('button', { name: 'Try again' }));

    expect(await screen.findByRole('rowheader', { name: 'Amara Okafor' })).toBeVisible();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('reports a chosen patient, by pointer and by keyboard alone', async () => {
    await startTestEmulator();
    const onSelect = vi.fn();
    const user = userEvent.setup();
    renderWithClient(<PatientList searchDelayMs={0} onSelect={onSelect} />);
    await screen.findByRole('button', { name: 'Amara Okafor' });

    await user.click(screen.getByRole('button', { name: 'Amara Okafor' }));
    expect(onSelect).toHaveBeenLastCalledWith(expect.objectContaining({ fullName: 'Amara Okafor' }));

    await user.click(screen.getByRole('searchbox', { name: 'Search patients' }));
    await user.keyboard('tanaka');
    await waitFor(() => expect(rowNames()).toEqual(['Kenji Tanaka']));
    await user.tab();
    expect(screen.getByRole('button', { name: 'Kenji Tanaka' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(onSelect).toHaveBeenLastCalledWith(expect.objectContaining({ fullName: 'Kenji Tanaka' }));
  });

  it('has no axe violations when loaded and when failed', async () => {
    await startTestEmulator();
    const { container, unmount } = renderWithClient(<PatientList searchDelayMs={0} onSelect={() => undefined} />);
    await screen.findByRole('rowheader', { name: 'Amara Okafor' });
    await expectNoAxeViolations(container);
    unmount();

    mswServer.use(http.get(`${TEST_PROXY_URL}/patients`, () => HttpResponse.error()));
    const failed = renderWithClient(<PatientList searchDelayMs={0} />);
    await screen.findByRole('alert');
    expect(screen.getByRole('alert')).toHaveTextContent('could not be reached');
    await expectNoAxeViolations(failed.container);
  });

  it('takes classes per slot and drops its own styles when unstyled', async () => {
    await startTestEmulator();
    renderWithClient(<PatientList searchDelayMs={0} unstyled className="mine" classNames={{ row: 'my-row' }} />);
    await screen.findByRole('rowheader', { name: 'Amara Okafor' });
    const region = screen.getByRole('region', { name: 'Patients' });
    expect(region).toHaveClass('mine');
    expect(region).not.toHaveClass('ck-root');
    expect(region).toHaveAttribute('data-status', 'ready');
    expect(screen.getByRole('rowheader', { name: 'Amara Okafor' }).closest('tr')).toHaveClass('my-row');
  });
});

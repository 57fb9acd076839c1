import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../../test/axe.ts';
import { startWithClinicalRecord } from '../../test/clinical-record.ts';
import { TEST_PROXY_URL } from '../../test/emulator.ts';
import { mswServer } from '../../test/msw-server.ts';
import { renderWithClient } from '../../test/render.tsx';
import { EncounterTimeline } from './EncounterTimeline.tsx';

const region = () => screen.getByRole('region', { name: 'Encounters' });
const entries = () => within(within(region()).getByRole('list')).getAllByRole('listitem');

describe('EncounterTimeline', () => {
  it('shows encounters newest first with kind, length, place, reason and status', async () => {
    const { patientId } = await startWithClinicalRecord();
    const { container } = renderWithClient(<EncounterTimeline patientId={patientId} />);
    expect(within(region()).getByText('Loading encounters…')).toBeInTheDocument();

    await within(region()).findByText('Annual review');
    expect(entries().map((entry) => entry.textContent)).toEqual([
      expect.stringMatching(
        /^Jan 10, 2025FinishedAnnual reviewOutpatient visit · 40 min · Riverside Clinic, room 3Reason: Blood pressure follow-up$/,
      ),
      expect.stringMatching(/^Nov 2, 2024FinishedMedication reviewVirtual visit · 20 min/),
      expect.stringMatching(/^Oct 21, 2024FinishedEmergency visitEmergency · 4\.5 hr · St Mary’s Emergency Department/),
      expect.stringMatching(/^Sep 15, 2024CancelledRoutine check-upOutpatient visit$/),
    ]);
    expect(within(entries()[0] as HTMLElement).getByText('Jan 10, 2025')).toHaveAttribute('datetime', '2025-01-10T09:00:00Z');
    expect(entries()[3]).toHaveAttribute('data-status', 'cancelled');
    await expectNoAxeViolations(container);
  });

  it('folds older encounters behind a button the keyboard can reach', async () => {
    const { patientId } = await startWithClinicalRecord();
    const user = userEvent.setup();
    const { container } = renderWithClient(<EncounterTimeline patientId={patientId} limit={2} />);
    await within(region()).findByText('Annual review');
    expect(entries()).toHaveLength(2);

    await user.tab();
    const more = within(region()).getByRole('button', { name: 'Show all (4)' });
    expect(more).toHaveFocus();
    expect(more).toHaveAttribute('aria-expanded', 'false');
    await user.keyboard('{Enter}');
    expect(entries()).toHaveLength(4);
    expect(within(region()).getByRole('button', { name: 'Show fewer' })).toHaveAttribute('aria-expanded', 'true');
    await expectNoAxeViolations(container);
  });

  it('says so when there are none, and shows a failure with a retry', async () => {
    const { patientId } = await startWithClinicalRecord({ empty: true });
    const empty = renderWithClient(<EncounterTimeline patientId={patientId} />);
    expect(await within(region()).findByText('No encounters yet.')).toBeVisible();
    await expectNoAxeViolations(empty.container);
    empty.unmount();

    mswServer.use(http.get(`${TEST_PROXY_URL}/encounters`, () => HttpResponse.error()));
    const { container } = renderWithClient(<EncounterTimeline patientId={patientId} />);
    const alert = (await within(region()).findByText(/Encounters could not be loaded/)).closest('[role="alert"]') as HTMLElement;
    expect(alert).toHaveTextContent('The clinic server could not be reached.');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeVisible();
    await expectNoAxeViolations(container);
  });

  it('works on its own with proxyUrl, and takes wording, a locale, classes, a theme and unstyled', async () => {
    const { patientId } = await startWithClinicalRecord();
    render(<EncounterTimeline proxyUrl={TEST_PROXY_URL} patientId={patientId} />);
    expect(await screen.findByText('Annual review')).toBeVisible();

    renderWithClient(
      <EncounterTimeline patientId={patientId} theme="glassmorphism" unstyled className="mine" classNames={{ item: 'my-item' }} />,
      {
        provider: { locale: 'de-DE', messages: { encounterTimeline: { title: 'Besuche', statusFinished: 'Abgeschlossen' } } } as never,
      },
    );
    const root = screen.getByRole('region', { name: 'Besuche' });
    await within(root).findByText('Annual review');
    expect(root).toHaveClass('mine');
    expect(root).toHaveAttribute('data-theme', 'glassmorphism');
    expect(within(root).getAllByRole('listitem')[0]).toHaveClass('my-item');
    expect(within(root).getAllByText('Abgeschlossen')).toHaveLength(3);
    expect(within(root).getByText('10.01.2025')).toBeVisible();
  });
});

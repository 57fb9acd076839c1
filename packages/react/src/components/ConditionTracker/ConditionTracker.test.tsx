import type { Condition } from '@clinikapi/core';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { localToday } from '../../headless/form/dates.ts';
import { expectNoAxeViolations } from '../../test/axe.ts';
import { TEST_PROXY_URL, startTestEmulator } from '../../test/emulator.ts';
import { createRecord, patientIdOf, recordsOf } from '../../test/emulator-records.ts';
import { failing } from '../../test/error-answers.ts';
import { mswServer } from '../../test/msw-server.ts';
import { renderWithClient } from '../../test/render.tsx';
import { requestsWith } from '../../test/requests.ts';
import { ConditionTracker } from './ConditionTracker.tsx';

async function setUp(options: { existing?: boolean } = {}) {
  const emulator = await startTestEmulator();
  const patientId = await patientIdOf(emulator, 'Hartley');
  if (options.existing) {
    await createRecord(emulator, 'conditions', {
      patientId,
      code: { system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'I10', display: 'Essential (primary) hypertension' },
      clinicalStatus: 'active',
      verificationStatus: 'confirmed',
      severity: 'moderate',
      onsetDateTime: '2019-06-01',
    });
    await createRecord(emulator, 'conditions', {
      patientId,
      code: 'Type 2 diabetes',
      clinicalStatus: 'active',
      verificationStatus: 'unconfirmed',
      onsetDateTime: '2024-02-10',
    });
    await createRecord(emulator, 'conditions', {
      patientId,
      code: 'Acute bronchitis',
      clinicalStatus: 'resolved',
      onsetDateTime: '2023-01-05',
      abatementDateTime: '2023-01-20',
    });
    await createRecord(emulator, 'conditions', { patientId, code: 'Wrong chart', verificationStatus: 'entered-in-error' });
  }
  return { emulator, patientId };
}

const form = () => screen.getByRole('form', { name: 'Record a condition' });
const recordList = () => screen.getByRole('region', { name: 'Active conditions' });
const codeBox = () => within(form()).getByRole('combobox', { name: /Condition/ });

/** A `YYYY-MM-DD` some days from today in the test's zone. */
function daysFromToday(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return localToday(date);
}

describe('ConditionTracker', () => {
  it('lists active conditions first, keeps past ones behind a disclosure, and hides entries in error', async () => {
    const { patientId } = await setUp({ existing: true });
    const user = userEvent.setup();
    const { container } = renderWithClient(<ConditionTracker patientId={patientId} />);

    expect(recordList()).toHaveAttribute('aria-busy', 'true');
    const [list] = await within(recordList()).findAllByRole('list');
    if (!list) throw new Error('no list');
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      expect.stringMatching(/^Type 2 diabetes.*Unconfirmed · Since Feb 10, 2024/),
      expect.stringMatching(/^Essential \(primary\) hypertension I10.*Moderate · Since Jun 1, 2019/),
    ]);
    expect(screen.queryByText('Wrong chart')).not.toBeInTheDocument();

    const past = within(recordList()).getByText('Past conditions (1)');
    await user.click(past);
    expect(past.closest('details')).toHaveAttribute('open');
    expect(within(recordList()).getByText('Acute bronchitis').closest('li')).toHaveTextContent(
      /Resolved · Since Jan 5, 2023 · Ended Jan 20, 2023/,
    );
    await expectNoAxeViolations(container);
  });

  it('says so when nothing is on the problem list', async () => {
    const { patientId } = await setUp();
    const { container } = renderWithClient(<ConditionTracker patientId={patientId} />);
    expect(await within(recordList()).findByText('No active conditions.')).toBeVisible();
    expect(within(recordList()).queryByText(/Past conditions/)).not.toBeInTheDocument();
    await expectNoAxeViolations(container);
  });

  it('records a condition by its ICD-10 code, lists it and reports it', async () => {
    const { emulator, patientId } = await setUp();
    const onSuccess = vi.fn();
    const user = userEvent.setup();
    const { container } = renderWithClient(<ConditionTracker patientId={patientId} recorderId="prac-7" onSuccess={onSuccess} />);
    await within(recordList()).findByText('No active conditions.');

    await user.type(codeBox(), 'I10');
    await user.selectOptions(within(form()).getByRole('combobox', { name: 'Severity' }), 'Moderate');
    await user.type(within(form()).getByLabelText('Onset date'), '2025-01-15');
    await user.type(within(form()).getByRole('textbox', { name: 'Note' }), 'Elevated readings for 3 months');
    await user.click(within(form()).getByRole('button', { name: 'Record condition' }));

    expect(await within(form()).findByRole('status')).toHaveTextContent('Recorded Essential (primary) hypertension.');
    expect(await within(recordList()).findByText('Essential (primary) hypertension')).toBeVisible();
    expect(codeBox()).toHaveValue('');
    expect(onSuccess).toHaveBeenCalledWith(expect.objectContaining({ resourceType: 'Condition' }));

    const [stored] = await recordsOf<Condition>(emulator, 'conditions', patientId);
    expect(stored).toMatchObject({
      code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'I10' }] },
      clinicalStatus: { coding: [{ code: 'active' }] },
      verificationStatus: { coding: [{ code: 'confirmed' }] },
      severity: { text: 'moderate' },
      onsetDateTime: '2025-01-15',
      recorder: { reference: 'Practitioner/prac-7' },
      note: [{ text: 'Elevated readings for 3 months' }],
    });
    await expectNoAxeViolations(container);
  });

  it('validates before sending: a named condition, no future onset', async () => {
    const { patientId } = await setUp();
    const writes = requestsWith('POST');
    const user = userEvent.setup();
    const { container } = renderWithClient(<ConditionTracker patientId={patientId} />);
    await user.type(within(form()).getByLabelText('Onset date'), daysFromToday(1));
    await user.click(within(form()).getByRole('button', { name: 'Record condition' }));

    await waitFor(() => expect(codeBox()).toHaveFocus());
    expect(codeBox()).toHaveAccessibleDescription(expect.stringContaining('Enter the condition'));
    expect(within(form()).getByLabelText('Onset date')).toHaveAccessibleDescription(expect.stringContaining('Must not be in the future'));
    expect(writes).toHaveLength(0);
    await expectNoAxeViolations(container);
  });

  it('puts FHIR’s status and date rules on the fields they concern', async () => {
    const { patientId } = await setUp();
    const user = userEvent.setup();
    const { container } = renderWithClient(<ConditionTracker patientId={patientId} />);
    await user.type(codeBox(), 'Migraine');
    await user.type(within(form()).getByLabelText('Onset date'), '2024-05-10');
    await user.type(within(form()).getByLabelText('Ended on'), '2024-05-01');
    await user.click(within(form()).getByRole('button', { name: 'Record condition' }));

    // con-4: a condition that has ended cannot still be active; and it cannot end before it began.
    const status = within(form()).getByRole('combobox', { name: 'Clinical status' });
    await waitFor(() => expect(status).toBeInvalid());
    expect(status).toHaveAccessibleDescription('Must be inactive, remission or resolved when the condition has abated');
    expect(within(form()).getByLabelText('Ended on')).toHaveAccessibleDescription(expect.stringContaining('Must not be before the onset'));
    await expectNoAxeViolations(container);
  });

  it('shows a server’s 422 on its field and keeps what was typed', async () => {
    const { patientId } = await setUp();
    mswServer.use(
      failing('POST', 'conditions', {
        code: 'VALIDATION_ERROR',
        requestId: 'req_422',
        issues: [{ severity: 'error', code: 'invalid', diagnostics: 'onsetString: Not a recognised onset', path: 'onsetString' }],
      }),
    );
    const onError = vi.fn();
    const user = userEvent.setup();
    const { container } = renderWithClient(<ConditionTracker patientId={patientId} onError={onError} />);
    await user.type(codeBox(), 'Asthma');
    await user.click(within(form()).getByRole('button', { name: 'Record condition' }));

    const onset = within(form()).getByLabelText('Onset date');
    await waitFor(() => expect(onset).toHaveAccessibleDescription(expect.stringContaining('Not a recognised onset')));
    expect(onset).toHaveFocus();
    expect(codeBox()).toHaveValue('Asthma');
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ status: 422 }));
    await expectNoAxeViolations(container);
  });

  it('can be operated with the keyboard alone', async () => {
    const { emulator, patientId } = await setUp();
    const user = userEvent.setup();
    const { container } = renderWithClient(<ConditionTracker patientId={patientId} />);
    await within(recordList()).findByText('No active conditions.');

    await user.tab();
    expect(codeBox()).toHaveFocus();
    await user.keyboard('Seasonal allergic rhinitis');
    await user.tab(); // clinical status
    await user.tab(); // verification
    await user.tab(); // severity
    await user.tab(); // onset
    expect(within(form()).getByLabelText('Onset date')).toHaveFocus();
    await user.keyboard('2022-04-01');
    await user.tab(); // ended on
    await user.tab(); // note
    await user.keyboard('Worse in spring');
    await user.tab();
    expect(within(form()).getByRole('button', { name: 'Record condition' })).toHaveFocus();
    await user.keyboard('{Enter}');

    expect(await within(form()).findByRole('status')).toHaveTextContent('Recorded Seasonal allergic rhinitis.');
    const [stored] = await recordsOf<Condition>(emulator, 'conditions', patientId);
    expect(stored).toMatchObject({
      code: { text: 'Seasonal allergic rhinitis' },
      onsetDateTime: '2022-04-01',
      note: [{ text: 'Worse in spring' }],
    });
    await expectNoAxeViolations(container);
  });

  it('works on its own with proxyUrl, with no provider around it', async () => {
    const { patientId } = await setUp({ existing: true });
    render(<ConditionTracker proxyUrl={TEST_PROXY_URL} patientId={patientId} />);
    expect(await screen.findByText('Essential (primary) hypertension')).toBeVisible();
    await expectNoAxeViolations(document.body);
  });

  it('takes the app’s wording, classes per part, a theme, and drops its styles when unstyled', async () => {
    const { patientId } = await setUp();
    const { container } = renderWithClient(
      <ConditionTracker patientId={patientId} theme="glassmorphism" unstyled className="mine" classNames={{ form: 'my-form' }} />,
      { provider: { messages: { conditionTracker: { title: 'Problem list', save: 'Add to problem list' } } } as never },
    );
    const root = screen.getByRole('region', { name: 'Problem list' });
    expect(root).toHaveClass('mine');
    expect(root).not.toHaveClass('ck-root');
    expect(root).toHaveAttribute('data-theme', 'glassmorphism');
    expect(root).toHaveAttribute('data-status', 'idle');
    expect(screen.getByRole('form', { name: 'Record a condition' })).toHaveClass('my-form');
    expect(screen.getByRole('button', { name: 'Add to problem list' })).toBeVisible();
    await waitFor(() => expect(root).toHaveAttribute('data-records', 'empty'));
    await expectNoAxeViolations(container);
  });
});

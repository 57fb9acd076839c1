import type { Goal } from '@clinikapi/core';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { expectNoAxeViolations } from '../../test/axe.ts';
import { TEST_PROXY_URL, startTestEmulator } from '../../test/emulator.ts';
import { createRecord, patientIdOf, recordsOf } from '../../test/emulator-records.ts';
import { failing } from '../../test/error-answers.ts';
import { mswServer } from '../../test/msw-server.ts';
import { renderWithClient } from '../../test/render.tsx';
import { requestsWith } from '../../test/requests.ts';
import { GoalSetter } from './GoalSetter.tsx';

async function setUp(options: { existing?: boolean } = {}) {
  const emulator = await startTestEmulator();
  const patientId = await patientIdOf(emulator, 'Tanaka');
  if (options.existing) {
    await createRecord(emulator, 'goals', {
      patientId,
      description: 'Walk 10,000 steps a day',
      lifecycleStatus: 'proposed',
      priority: 'low-priority',
      target: [{ dueDate: '2099-12-31' }],
    });
    await createRecord(emulator, 'goals', {
      patientId,
      description: 'Lose 5 kg',
      lifecycleStatus: 'completed',
      achievementStatus: 'achieved',
    });
    await createRecord(emulator, 'goals', {
      patientId,
      description: 'Reduce HbA1c to below 7%',
      lifecycleStatus: 'active',
      achievementStatus: 'improving',
      priority: 'high-priority',
      startDate: '2020-01-15',
      target: [{ measure: 'HbA1c', detailString: 'below 7%', dueDate: '2020-07-15' }],
    });
  }
  return { emulator, patientId };
}

const form = () => screen.getByRole('form', { name: 'Set a goal' });
const goals = () => screen.getByRole('region', { name: 'Goals on record' });
const goalBox = () => within(form()).getByRole('textbox', { name: /^Goal/ });

describe('GoalSetter', () => {
  it('shows the goals on record with lifecycle and achievement, open and urgent ones first', async () => {
    const { patientId } = await setUp({ existing: true });
    const { container } = renderWithClient(<GoalSetter patientId={patientId} />);

    expect(goals()).toHaveAttribute('aria-busy', 'true');
    const items = await within(goals()).findAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      'Reduce HbA1c to below 7%Overdue · Active · Improving · High priority · HbA1c: below 7% · Due Jul 15, 2020',
      'Walk 10,000 steps a dayProposed · Low priority · Due Dec 31, 2099',
      'Lose 5 kgCompleted · Achieved',
    ]);
    expect(items[0]).toHaveAttribute('data-overdue');
    expect(items[2]).toHaveAttribute('data-achievement', 'achieved');
    await expectNoAxeViolations(container);
  });

  it('says so when no goal is set', async () => {
    const { patientId } = await setUp();
    const { container } = renderWithClient(<GoalSetter patientId={patientId} />);
    expect(await within(goals()).findByText('No goals set.')).toBeVisible();
    await expectNoAxeViolations(container);
  });

  it('sets a goal with its statuses, dates and who expressed it', async () => {
    const { emulator, patientId } = await setUp();
    const onSuccess = vi.fn();
    const user = userEvent.setup();
    const { container } = renderWithClient(<GoalSetter patientId={patientId} expressedById="prac-def456" onSuccess={onSuccess} />);
    await within(goals()).findByText('No goals set.');

    await user.type(goalBox(), 'Reduce HbA1c to below 7%');
    await user.selectOptions(within(form()).getByRole('combobox', { name: 'Achievement' }), 'In progress');
    await user.selectOptions(within(form()).getByRole('combobox', { name: 'Priority' }), 'High priority');
    await user.type(within(form()).getByLabelText('Start date'), '2025-01-15');
    await user.type(within(form()).getByLabelText(/^Target date/), '2025-07-15');
    await user.type(within(form()).getByRole('textbox', { name: 'Note' }), 'Motivated to improve through diet');
    await user.click(within(form()).getByRole('button', { name: 'Set goal' }));

    expect(await within(form()).findByRole('status')).toHaveTextContent('Goal set: Reduce HbA1c to below 7%.');
    expect(await within(goals()).findByText('Reduce HbA1c to below 7%')).toBeVisible();
    expect(goalBox()).toHaveValue('');
    expect(onSuccess).toHaveBeenCalledWith(expect.objectContaining({ resourceType: 'Goal' }));

    const [stored] = await recordsOf<Goal>(emulator, 'goals', patientId);
    expect(stored).toMatchObject({
      description: { text: 'Reduce HbA1c to below 7%' },
      lifecycleStatus: 'active',
      achievementStatus: { coding: [{ code: 'in-progress' }] },
      priority: { coding: [{ code: 'high-priority' }] },
      startDate: '2025-01-15',
      target: [{ dueDate: '2025-07-15' }],
      expressedBy: { reference: 'Practitioner/prac-def456' },
      note: [{ text: 'Motivated to improve through diet' }],
    });
    expect(stored?.target?.[0]).not.toHaveProperty('measure');
    await expectNoAxeViolations(container);
  });

  it('validates before sending: a description, a target after the start, a measure for a target value', async () => {
    const { patientId } = await setUp();
    const writes = requestsWith('POST');
    const user = userEvent.setup();
    const { container } = renderWithClient(<GoalSetter patientId={patientId} />);
    await user.type(within(form()).getByLabelText('Start date'), '2025-06-01');
    await user.type(within(form()).getByLabelText(/^Target date/), '2025-05-01');
    await user.type(within(form()).getByRole('textbox', { name: 'Target value' }), 'below 7%');
    await user.click(within(form()).getByRole('button', { name: 'Set goal' }));

    await waitFor(() => expect(goalBox()).toHaveFocus());
    expect(goalBox()).toHaveAccessibleDescription(expect.stringContaining('Describe the goal'));
    expect(within(form()).getByLabelText(/^Target date/)).toHaveAccessibleDescription(
      expect.stringContaining('Must not be before the start date'),
    );
    // FHIR gol-1: a target's detail needs a measure.
    expect(within(form()).getByRole('textbox', { name: 'Target measure' })).toHaveAccessibleDescription(
      expect.stringContaining('Required when the target has a detail'),
    );
    expect(writes).toHaveLength(0);
    await expectNoAxeViolations(container);
  });

  it('puts a server’s 422 about the target on the target date', async () => {
    const { patientId } = await setUp();
    mswServer.use(
      failing('POST', 'goals', {
        code: 'VALIDATION_ERROR',
        requestId: 'req_422',
        issues: [
          { severity: 'error', code: 'invalid', diagnostics: 'target.0.dueDate: Outside the care plan period', path: 'target.0.dueDate' },
        ],
      }),
    );
    const user = userEvent.setup();
    const { container } = renderWithClient(<GoalSetter patientId={patientId} />);
    await user.type(goalBox(), 'Quit smoking');
    await user.type(within(form()).getByLabelText(/^Target date/), '2026-01-01');
    await user.click(within(form()).getByRole('button', { name: 'Set goal' }));

    const due = within(form()).getByLabelText(/^Target date/);
    await waitFor(() => expect(due).toHaveAccessibleDescription(expect.stringContaining('Outside the care plan period')));
    expect(due).toHaveFocus();
    expect(due).toHaveValue('2026-01-01');
    expect(goalBox()).toHaveValue('Quit smoking');
    await expectNoAxeViolations(container);
  });

  it('can be operated with the keyboard alone', async () => {
    const { emulator, patientId } = await setUp();
    const user = userEvent.setup();
    const { container } = renderWithClient(<GoalSetter patientId={patientId} />);
    await within(goals()).findByText('No goals set.');

    await user.tab();
    expect(goalBox()).toHaveFocus();
    await user.keyboard('Systolic pressure under 130');
    for (let step = 0; step < 5; step += 1) await user.tab(); // lifecycle, achievement, priority, start date, measure
    expect(within(form()).getByRole('textbox', { name: 'Target measure' })).toHaveFocus();
    await user.keyboard('Systolic blood pressure');
    await user.tab();
    await user.keyboard('under 130 mmHg');
    await user.tab(); // target date
    await user.keyboard('2030-06-30');
    await user.tab(); // note
    await user.tab();
    expect(within(form()).getByRole('button', { name: 'Set goal' })).toHaveFocus();
    await user.keyboard('{Enter}');

    expect(await within(form()).findByRole('status')).toHaveTextContent('Goal set: Systolic pressure under 130.');
    const [stored] = await recordsOf<Goal>(emulator, 'goals', patientId);
    expect(stored).toMatchObject({
      target: [{ measure: { text: 'Systolic blood pressure' }, detailString: 'under 130 mmHg', dueDate: '2030-06-30' }],
    });
    await expectNoAxeViolations(container);
  });

  it('works on its own with proxyUrl, with no provider around it', async () => {
    const { patientId } = await setUp({ existing: true });
    render(<GoalSetter proxyUrl={TEST_PROXY_URL} patientId={patientId} />);
    expect(await screen.findByText('Lose 5 kg')).toBeVisible();
    await expectNoAxeViolations(document.body);
  });

  it('takes the app’s wording, classes per part, a theme, and drops its styles when unstyled', async () => {
    const { patientId } = await setUp();
    const { container } = renderWithClient(
      <GoalSetter patientId={patientId} theme="dark" unstyled className="mine" classNames={{ target: 'my-target' }} />,
      { provider: { messages: { goalSetter: { title: 'Treatment goals', save: 'Add goal' } } } as never },
    );
    const root = screen.getByRole('region', { name: 'Treatment goals' });
    expect(root).toHaveClass('mine');
    expect(root).not.toHaveClass('ck-root');
    expect(root).toHaveAttribute('data-theme', 'dark');
    expect(within(form()).getByRole('textbox', { name: 'Target measure' }).closest('.my-target')).not.toBeNull();
    expect(screen.getByRole('button', { name: 'Add goal' })).toBeVisible();
    await waitFor(() => expect(root).toHaveAttribute('data-records', 'empty'));
    await expectNoAxeViolations(container);
  });
});

import type { CarePlan } from '@clinikapi/core';
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
import { CarePlanBuilder } from './CarePlanBuilder.tsx';

async function setUp(options: { existing?: boolean } = {}) {
  const emulator = await startTestEmulator();
  const patientId = await patientIdOf(emulator, 'Johnson');
  if (options.existing) {
    await createRecord(emulator, 'care-plans', {
      patientId,
      title: 'Post-surgical recovery',
      status: 'completed',
      intent: 'plan',
      created: '2023-03-01T09:00:00Z',
    });
    await createRecord(emulator, 'care-plans', {
      patientId,
      title: 'Diabetes management plan',
      description: 'Diet, exercise and medication adherence.',
      status: 'active',
      intent: 'plan',
      category: ['diabetes-management'],
      period: { start: '2025-01-15', end: '2025-07-15' },
      created: '2025-01-15T09:00:00Z',
      activity: [
        { description: 'Dietitian referral', status: 'scheduled' },
        { description: 'Walk 30 minutes a day', status: 'in-progress' },
      ],
    });
  }
  return { emulator, patientId };
}

const form = () => screen.getByRole('form', { name: 'Build a care plan' });
const plans = () => screen.getByRole('region', { name: 'Care plans on record' });
const titleBox = () => within(form()).getByRole('textbox', { name: /Title/ });
const field = (name: string | RegExp) => within(form()).getByRole('textbox', { name });

describe('CarePlanBuilder', () => {
  it('shows the plans on record first, active ones first', async () => {
    const { patientId } = await setUp({ existing: true });
    const { container } = renderWithClient(<CarePlanBuilder patientId={patientId} />);

    expect(plans()).toHaveAttribute('aria-busy', 'true');
    const items = await within(plans()).findAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      'Diabetes management planDiet, exercise and medication adherence.Active · Plan · diabetes-management · Jan 15, 2025 to Jul 15, 2025 · 2 activities',
      'Post-surgical recoveryCompleted · Plan',
    ]);
    expect(items[0]).toHaveAttribute('data-status', 'active');
    await expectNoAxeViolations(container);
  });

  it('says so when there is no plan yet', async () => {
    const { patientId } = await setUp();
    const { container } = renderWithClient(<CarePlanBuilder patientId={patientId} />);
    expect(await within(plans()).findByText('No care plans yet.')).toBeVisible();
    await expectNoAxeViolations(container);
  });

  it('builds a plan with categories, a period and activities, and sends the documented body', async () => {
    const { emulator, patientId } = await setUp();
    const onSuccess = vi.fn();
    const user = userEvent.setup();
    const { container } = renderWithClient(<CarePlanBuilder patientId={patientId} authorId="prac-def456" onSuccess={onSuccess} />);
    await within(plans()).findByText('No care plans yet.');

    await user.type(titleBox(), 'Diabetes Management Plan');
    await user.type(field('Description'), 'Diet, exercise and medication adherence.');
    await user.selectOptions(within(form()).getByRole('combobox', { name: /Intent/ }), 'Order');
    await user.type(within(form()).getByLabelText('Starts'), '2025-01-15');
    await user.type(within(form()).getByLabelText('Ends'), '2025-07-15');
    await user.type(field('Categories'), 'diabetes-management, nutrition');
    await user.click(within(form()).getByRole('button', { name: 'Add activity' }));
    await user.type(field('Activity 1'), 'Dietitian referral');
    await user.click(within(form()).getByRole('button', { name: 'Add activity' }));
    await user.type(field('Activity 2'), 'Walk daily');
    await user.selectOptions(within(form()).getByRole('combobox', { name: 'Status of activity 2' }), 'In progress');
    await user.click(within(form()).getByRole('button', { name: 'Add activity' }));
    await user.click(within(form()).getByRole('button', { name: 'Remove activity 3' }));
    expect(within(form()).getByRole('button', { name: 'Add activity' })).toHaveFocus();
    await user.type(field('Note'), 'Follow-up in 3 months');
    await expectNoAxeViolations(container);
    await user.click(within(form()).getByRole('button', { name: 'Save care plan' }));

    expect(await within(form()).findByRole('status')).toHaveTextContent('Saved Diabetes Management Plan.');
    expect(await within(plans()).findByText('Diabetes Management Plan')).toBeVisible();
    expect(titleBox()).toHaveValue('');
    expect(within(form()).queryByRole('textbox', { name: 'Activity 1' })).not.toBeInTheDocument();
    expect(onSuccess).toHaveBeenCalledWith(expect.objectContaining({ resourceType: 'CarePlan' }));

    const [stored] = await recordsOf<CarePlan>(emulator, 'care-plans', patientId);
    expect(stored).toMatchObject({
      title: 'Diabetes Management Plan',
      status: 'active',
      intent: 'order',
      author: { reference: 'Practitioner/prac-def456' },
      category: [{ text: 'diabetes-management' }, { text: 'nutrition' }],
      period: { start: '2025-01-15', end: '2025-07-15' },
      activity: [
        { detail: { description: 'Dietitian referral', status: 'not-started' } },
        { detail: { description: 'Walk daily', status: 'in-progress' } },
      ],
      note: [{ text: 'Follow-up in 3 months' }],
    });
  });

  it('validates before sending: a title, words for every activity, an end after the start', async () => {
    const { patientId } = await setUp();
    const writes = requestsWith('POST');
    const user = userEvent.setup();
    const { container } = renderWithClient(<CarePlanBuilder patientId={patientId} />);
    await user.type(within(form()).getByLabelText('Starts'), '2025-06-01');
    await user.type(within(form()).getByLabelText('Ends'), '2025-05-01');
    await user.click(within(form()).getByRole('button', { name: 'Add activity' }));
    await user.click(within(form()).getByRole('button', { name: 'Save care plan' }));

    await waitFor(() => expect(titleBox()).toHaveFocus());
    expect(titleBox()).toHaveAccessibleDescription(expect.stringContaining('Give the plan a title'));
    expect(field('Activity 1')).toHaveAccessibleDescription('Describe the activity, or remove it');
    expect(within(form()).getByLabelText('Ends')).toHaveAccessibleDescription('Must not be before start');
    expect(writes).toHaveLength(0);
    await expectNoAxeViolations(container);
  });

  it('puts a server’s 422 about one activity on that activity', async () => {
    const { patientId } = await setUp();
    mswServer.use(
      failing('POST', 'care-plans', {
        code: 'VALIDATION_ERROR',
        requestId: 'req_422',
        issues: [{ severity: 'error', code: 'invalid', diagnostics: 'activity.1.description: Too vague', path: 'activity.1.description' }],
      }),
    );
    const user = userEvent.setup();
    const { container } = renderWithClient(<CarePlanBuilder patientId={patientId} />);
    await user.type(titleBox(), 'Weight plan');
    await user.click(within(form()).getByRole('button', { name: 'Add activity' }));
    await user.type(field('Activity 1'), 'Weigh weekly');
    await user.click(within(form()).getByRole('button', { name: 'Add activity' }));
    await user.type(field('Activity 2'), 'Be healthier');
    await user.click(within(form()).getByRole('button', { name: 'Save care plan' }));

    await waitFor(() => expect(field('Activity 2')).toHaveAccessibleDescription('Too vague'));
    expect(field('Activity 2')).toHaveFocus();
    expect(field('Activity 2')).toHaveValue('Be healthier');
    expect(field('Activity 1')).toBeValid();
    expect(titleBox()).toHaveValue('Weight plan');
    await expectNoAxeViolations(container);
  });

  it('can be operated with the keyboard alone', async () => {
    const { emulator, patientId } = await setUp();
    const user = userEvent.setup();
    const { container } = renderWithClient(<CarePlanBuilder patientId={patientId} />);
    await within(plans()).findByText('No care plans yet.');

    await user.tab();
    expect(titleBox()).toHaveFocus();
    await user.keyboard('Smoking cessation');
    for (let step = 0; step < 6; step += 1) await user.tab(); // description, status, intent, starts, ends, categories
    expect(field('Categories')).toHaveFocus();
    await user.keyboard('behavioral');
    await user.tab();
    expect(within(form()).getByRole('button', { name: 'Add activity' })).toHaveFocus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(field('Activity 1')).toHaveFocus());
    await user.keyboard('Set a quit date');
    for (let step = 0; step < 4; step += 1) await user.tab(); // status, remove, add, note
    expect(field('Note')).toHaveFocus();
    await user.tab();
    expect(within(form()).getByRole('button', { name: 'Save care plan' })).toHaveFocus();
    await user.keyboard('{Enter}');

    expect(await within(form()).findByRole('status')).toHaveTextContent('Saved Smoking cessation.');
    const [stored] = await recordsOf<CarePlan>(emulator, 'care-plans', patientId);
    expect(stored).toMatchObject({ category: [{ text: 'behavioral' }], activity: [{ detail: { description: 'Set a quit date' } }] });
    await expectNoAxeViolations(container);
  });

  it('works on its own with proxyUrl, with no provider around it', async () => {
    const { patientId } = await setUp({ existing: true });
    render(<CarePlanBuilder proxyUrl={TEST_PROXY_URL} patientId={patientId} />);
    expect(await screen.findByText('Diabetes management plan')).toBeVisible();
    await expectNoAxeViolations(document.body);
  });

  it('takes the app’s wording, classes per part, a theme, and drops its styles when unstyled', async () => {
    const { patientId } = await setUp();
    const { container } = renderWithClient(
      <CarePlanBuilder patientId={patientId} theme="inherit" unstyled className="mine" classNames={{ activities: 'my-activities' }} />,
      { provider: { messages: { carePlanBuilder: { title: 'Plans of care', addActivity: 'New step' } } } as never },
    );
    const root = screen.getByRole('region', { name: 'Plans of care' });
    expect(root).toHaveClass('mine');
    expect(root).not.toHaveClass('ck-root');
    expect(root).toHaveAttribute('data-theme', 'inherit');
    expect(screen.getByRole('group', { name: 'Activities' })).toHaveClass('my-activities');
    expect(screen.getByRole('button', { name: 'New step' })).toBeVisible();
    await waitFor(() => expect(root).toHaveAttribute('data-records', 'empty'));
    await expectNoAxeViolations(container);
  });
});

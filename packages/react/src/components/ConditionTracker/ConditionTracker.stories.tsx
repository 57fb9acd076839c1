import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { serverErrorStory } from '../../../../../.storybook/server-error.ts';
import { WithPatient } from '../../../../../.storybook/WithPatient.tsx';
import { ConditionTracker } from './ConditionTracker.tsx';

const meta = {
  title: 'Widgets/ConditionTracker',
  component: ConditionTracker,
  args: { patientId: 'looked up by name', onSuccess: fn(), onError: fn() },
  render: (args) => <WithPatient lastName="Hartley">{(patientId) => <ConditionTracker {...args} patientId={patientId} />}</WithPatient>,
} satisfies Meta<typeof ConditionTracker>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The story first finds its patient, then loads; a busy CI machine can take longer than Testing Library's 1 s. */
const LOADED = { timeout: 10_000 };

const form = async (canvasElement: HTMLElement) =>
  within(await within(canvasElement).findByRole('form', { name: 'Record a condition' }, LOADED));

async function fillIn(canvasElement: HTMLElement): Promise<void> {
  const fields = await form(canvasElement);
  await userEvent.type(fields.getByRole('combobox', { name: /Condition/ }), 'I10');
  await userEvent.selectOptions(fields.getByRole('combobox', { name: 'Severity' }), 'Moderate');
  await userEvent.type(fields.getByLabelText('Onset date'), '2025-01-15');
  await userEvent.type(fields.getByRole('textbox', { name: 'Note' }), 'Elevated readings for 3 months');
}

export const Default: Story = {
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('No active conditions.', {}, LOADED)).toBeVisible();
  },
};

export const Filled: Story = {
  play: async ({ canvasElement }) => {
    await fillIn(canvasElement);
    await expect((await form(canvasElement)).getByRole('combobox', { name: 'Severity' })).toHaveValue('moderate');
  },
};

export const ValidationError: Story = {
  play: async ({ canvasElement, args }) => {
    const fields = await form(canvasElement);
    await userEvent.click(fields.getByRole('button', { name: 'Record condition' }));
    const code = fields.getByRole('combobox', { name: /Condition/ });
    await waitFor(() => expect(code).toHaveAccessibleDescription(expect.stringContaining('Enter the condition')));
    await expect(code).toHaveFocus();
    await expect(args.onSuccess).not.toHaveBeenCalled();
  },
};

export const ServerError: Story = serverErrorStory('POST', 'conditions', {
  play: async ({ canvasElement, args }) => {
    await fillIn(canvasElement);
    const fields = await form(canvasElement);
    await userEvent.click(fields.getByRole('button', { name: 'Record condition' }));
    await expect(await fields.findByRole('alert', {}, LOADED)).toHaveTextContent('The condition was not recorded.');
    await expect(fields.getByRole('combobox', { name: /Condition/ })).toHaveValue('I10');
    await expect(args.onError).toHaveBeenCalled();
  },
});

export const Success: Story = {
  play: async ({ canvasElement, args }) => {
    await fillIn(canvasElement);
    const fields = await form(canvasElement);
    await userEvent.click(fields.getByRole('button', { name: 'Record condition' }));
    await expect(await fields.findByRole('status', {}, LOADED)).toHaveTextContent('Recorded Essential (primary) hypertension.');
    const list = await within(canvasElement).findByRole('region', { name: 'Active conditions' }, LOADED);
    await expect(await within(list).findByText('Essential (primary) hypertension', {}, LOADED)).toBeVisible();
    await expect(args.onSuccess).toHaveBeenCalledOnce();
  },
};

import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { serverErrorStory } from '../../../../../.storybook/server-error.ts';
import { WithPatient } from '../../../../../.storybook/WithPatient.tsx';
import { GoalSetter } from './GoalSetter.tsx';

const meta = {
  title: 'Widgets/GoalSetter',
  component: GoalSetter,
  args: { patientId: 'looked up by name', expressedById: 'prac-def456', onSuccess: fn(), onError: fn() },
  render: (args) => <WithPatient lastName="Tanaka">{(patientId) => <GoalSetter {...args} patientId={patientId} />}</WithPatient>,
} satisfies Meta<typeof GoalSetter>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The story first finds its patient, then loads; a busy CI machine can take longer than Testing Library's 1 s. */
const LOADED = { timeout: 10_000 };

const form = async (canvasElement: HTMLElement) => within(await within(canvasElement).findByRole('form', { name: 'Set a goal' }, LOADED));

async function fillIn(canvasElement: HTMLElement): Promise<void> {
  const fields = await form(canvasElement);
  await userEvent.type(fields.getByRole('textbox', { name: /^Goal/ }), 'Reduce HbA1c to below 7%');
  await userEvent.selectOptions(fields.getByRole('combobox', { name: 'Achievement' }), 'In progress');
  await userEvent.selectOptions(fields.getByRole('combobox', { name: 'Priority' }), 'High priority');
  await userEvent.type(fields.getByLabelText('Start date'), '2025-01-15');
  await userEvent.type(fields.getByRole('textbox', { name: 'Target measure' }), 'HbA1c');
  await userEvent.type(fields.getByRole('textbox', { name: 'Target value' }), 'below 7%');
  await userEvent.type(fields.getByLabelText(/^Target date/), '2025-07-15');
}

export const Default: Story = {
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('No goals set.', {}, LOADED)).toBeVisible();
  },
};

export const Filled: Story = {
  play: async ({ canvasElement }) => {
    await fillIn(canvasElement);
    await expect((await form(canvasElement)).getByRole('combobox', { name: 'Priority' })).toHaveValue('high-priority');
  },
};

export const ValidationError: Story = {
  play: async ({ canvasElement, args }) => {
    const fields = await form(canvasElement);
    await userEvent.type(fields.getByRole('textbox', { name: 'Target value' }), 'below 7%');
    await userEvent.click(fields.getByRole('button', { name: 'Set goal' }));
    const goal = fields.getByRole('textbox', { name: /^Goal/ });
    await waitFor(() => expect(goal).toHaveAccessibleDescription(expect.stringContaining('Describe the goal')));
    await expect(goal).toHaveFocus();
    await expect(args.onSuccess).not.toHaveBeenCalled();
  },
};

export const ServerError: Story = serverErrorStory('POST', 'goals', {
  play: async ({ canvasElement, args }) => {
    await fillIn(canvasElement);
    const fields = await form(canvasElement);
    await userEvent.click(fields.getByRole('button', { name: 'Set goal' }));
    await expect(await fields.findByRole('alert', {}, LOADED)).toHaveTextContent('The goal was not saved.');
    await expect(fields.getByRole('textbox', { name: /^Goal/ })).toHaveValue('Reduce HbA1c to below 7%');
    await expect(args.onError).toHaveBeenCalled();
  },
});

export const Success: Story = {
  play: async ({ canvasElement, args }) => {
    await fillIn(canvasElement);
    const fields = await form(canvasElement);
    await userEvent.click(fields.getByRole('button', { name: 'Set goal' }));
    await expect(await fields.findByRole('status', {}, LOADED)).toHaveTextContent('Goal set: Reduce HbA1c to below 7%.');
    const list = await within(canvasElement).findByRole('region', { name: 'Goals on record' }, LOADED);
    await expect(await within(list).findByText(/Active · In progress · High priority · HbA1c: below 7%/, {}, LOADED)).toBeVisible();
    await expect(args.onSuccess).toHaveBeenCalledOnce();
  },
};

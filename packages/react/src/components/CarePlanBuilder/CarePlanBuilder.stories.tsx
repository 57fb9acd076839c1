import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { serverErrorStory } from '../../../../../.storybook/server-error.ts';
import { WithPatient } from '../../../../../.storybook/WithPatient.tsx';
import { CarePlanBuilder } from './CarePlanBuilder.tsx';

const meta = {
  title: 'Widgets/CarePlanBuilder',
  component: CarePlanBuilder,
  args: { patientId: 'looked up by name', authorId: 'prac-def456', onSuccess: fn(), onError: fn() },
  render: (args) => <WithPatient lastName="Johnson">{(patientId) => <CarePlanBuilder {...args} patientId={patientId} />}</WithPatient>,
} satisfies Meta<typeof CarePlanBuilder>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The story first finds its patient, then loads; a busy CI machine can take longer than Testing Library's 1 s. */
const LOADED = { timeout: 10_000 };

const form = async (canvasElement: HTMLElement) =>
  within(await within(canvasElement).findByRole('form', { name: 'Build a care plan' }, LOADED));

async function fillIn(canvasElement: HTMLElement): Promise<void> {
  const fields = await form(canvasElement);
  await userEvent.type(fields.getByRole('textbox', { name: /Title/ }), 'Diabetes Management Plan');
  await userEvent.type(fields.getByRole('textbox', { name: 'Description' }), 'Diet, exercise and medication adherence.');
  await userEvent.type(fields.getByRole('textbox', { name: 'Categories' }), 'diabetes-management');
  await userEvent.click(fields.getByRole('button', { name: 'Add activity' }));
  await userEvent.type(fields.getByRole('textbox', { name: 'Activity 1' }), 'Dietitian referral');
  await userEvent.click(fields.getByRole('button', { name: 'Add activity' }));
  await userEvent.type(fields.getByRole('textbox', { name: 'Activity 2' }), 'Walk 30 minutes a day');
}

export const Default: Story = {
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('No care plans yet.', {}, LOADED)).toBeVisible();
  },
};

export const Filled: Story = {
  play: async ({ canvasElement }) => {
    await fillIn(canvasElement);
    await expect((await form(canvasElement)).getByRole('button', { name: 'Remove activity 2' })).toBeVisible();
  },
};

export const ValidationError: Story = {
  play: async ({ canvasElement, args }) => {
    const fields = await form(canvasElement);
    await userEvent.click(fields.getByRole('button', { name: 'Add activity' }));
    await userEvent.click(fields.getByRole('button', { name: 'Save care plan' }));
    const title = fields.getByRole('textbox', { name: /Title/ });
    await waitFor(() => expect(title).toHaveAccessibleDescription(expect.stringContaining('Give the plan a title')));
    await expect(title).toHaveFocus();
    await expect(fields.getByRole('textbox', { name: 'Activity 1' })).toHaveAccessibleDescription('Describe the activity, or remove it');
    await expect(args.onSuccess).not.toHaveBeenCalled();
  },
};

export const ServerError: Story = serverErrorStory('POST', 'care-plans', {
  play: async ({ canvasElement, args }) => {
    await fillIn(canvasElement);
    const fields = await form(canvasElement);
    await userEvent.click(fields.getByRole('button', { name: 'Save care plan' }));
    await expect(await fields.findByRole('alert', {}, LOADED)).toHaveTextContent('The care plan was not saved.');
    await expect(fields.getByRole('textbox', { name: 'Activity 2' })).toHaveValue('Walk 30 minutes a day');
    await expect(args.onError).toHaveBeenCalled();
  },
});

export const Success: Story = {
  play: async ({ canvasElement, args }) => {
    await fillIn(canvasElement);
    const fields = await form(canvasElement);
    await userEvent.click(fields.getByRole('button', { name: 'Save care plan' }));
    await expect(await fields.findByRole('status', {}, LOADED)).toHaveTextContent('Saved Diabetes Management Plan.');
    const list = await within(canvasElement).findByRole('region', { name: 'Care plans on record' }, LOADED);
    await expect(await within(list).findByText(/Active · Plan · diabetes-management · 2 activities/, {}, LOADED)).toBeVisible();
    await expect(args.onSuccess).toHaveBeenCalledOnce();
  },
};

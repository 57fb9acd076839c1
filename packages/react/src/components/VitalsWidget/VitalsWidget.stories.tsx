import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { STORY_PROXY_URL } from '../../../../../.storybook/emulator.ts';
import { serverErrorStory } from '../../../../../.storybook/server-error.ts';
import { FRONT_DESK, refusal } from '../../test/refusals.ts';
import { WithPatient } from '../../../../../.storybook/WithPatient.tsx';
import { VitalsWidget } from './VitalsWidget.tsx';

const meta = {
  title: 'Widgets/VitalsWidget',
  component: VitalsWidget,
  args: { patientId: 'looked up by name', onSuccess: fn(), onError: fn() },
  render: (args) => <WithPatient lastName="Hartley">{(patientId) => <VitalsWidget {...args} patientId={patientId} />}</WithPatient>,
} satisfies Meta<typeof VitalsWidget>;

export default meta;
type Story = StoryObj<typeof meta>;

const form = async (canvasElement: HTMLElement) => within(await within(canvasElement).findByRole('form', { name: 'Record vitals' }));

async function fillIn(canvasElement: HTMLElement): Promise<void> {
  const fields = await form(canvasElement);
  await userEvent.type(fields.getByRole('textbox', { name: 'Heart rate (beats/min)' }), '112');
  await userEvent.type(fields.getByRole('textbox', { name: 'Systolic' }), '128');
  await userEvent.type(fields.getByRole('textbox', { name: 'Diastolic' }), '82');
  await userEvent.type(fields.getByRole('textbox', { name: 'Temperature (°C)' }), '37.9');
}

export const Default: Story = {
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('No vitals recorded.')).toBeVisible();
  },
};

export const Filled: Story = {
  play: async ({ canvasElement }) => {
    await fillIn(canvasElement);
    const fields = await form(canvasElement);
    await expect(fields.getByRole('textbox', { name: 'Heart rate (beats/min)' })).toHaveAccessibleDescription(
      'High: above the usual 60–100',
    );
  },
};

export const ValidationError: Story = {
  play: async ({ canvasElement, args }) => {
    const fields = await form(canvasElement);
    await userEvent.type(fields.getByRole('textbox', { name: 'Heart rate (beats/min)' }), '720');
    await userEvent.type(fields.getByRole('textbox', { name: 'Systolic' }), '120');
    await userEvent.click(fields.getByRole('button', { name: 'Record vitals' }));
    const heartRate = fields.getByRole('textbox', { name: 'Heart rate (beats/min)' });
    await waitFor(() => expect(heartRate).toHaveAccessibleDescription(expect.stringContaining('between 20 and 250')));
    await expect(heartRate).toHaveFocus();
    await expect(fields.getByRole('textbox', { name: 'Diastolic' })).toBeInvalid();
    await expect(args.onSuccess).not.toHaveBeenCalled();
  },
};

export const ServerError: Story = serverErrorStory('POST', 'observations', {
  play: async ({ canvasElement, args }) => {
    await fillIn(canvasElement);
    const fields = await form(canvasElement);
    await userEvent.click(fields.getByRole('button', { name: 'Record vitals' }));
    await expect(await fields.findByRole('alert')).toHaveTextContent('The vitals were not recorded.');
    await expect(fields.getByRole('textbox', { name: 'Systolic' })).toHaveValue('128');
    await expect(args.onError).toHaveBeenCalled();
  },
});

export const Success: Story = {
  play: async ({ canvasElement, args }) => {
    await fillIn(canvasElement);
    const fields = await form(canvasElement);
    await userEvent.click(fields.getByRole('button', { name: 'Record vitals' }));
    await expect(await fields.findByRole('status')).toHaveTextContent('Outside the usual range: Heart rate (High)');
    await expect(await within(canvasElement).findByText('128/82 mmHg')).toBeVisible();
    await expect(args.onSuccess).toHaveBeenCalledOnce();
  },
};

/** The user may not read vitals (a front desk; the grants say so up front): no request, no form, nothing to retry. */
export const ForbiddenRead: Story = {
  parameters: { access: FRONT_DESK },
  play: async ({ canvasElement }) => {
    const records = await within(canvasElement).findByRole('region', { name: 'Recent vitals' });
    await expect(await within(records).findByText('Not available to your account.')).toBeVisible();
    await expect(within(canvasElement).queryByRole('form', { name: 'Record vitals' })).toBeNull();
    await expect(within(canvasElement).queryByRole('button', { name: 'Try again' })).toBeNull();
  },
};

/** Nothing was known, and the proxy refuses the write: the form says the change was refused, with no retry. */
export const ForbiddenWrite: Story = {
  beforeEach({ msw }) {
    msw.use(...refusal('POST', 'observations', STORY_PROXY_URL));
  },
  play: async ({ canvasElement, args }) => {
    await fillIn(canvasElement);
    const fields = await form(canvasElement);
    await userEvent.click(fields.getByRole('button', { name: 'Record vitals' }));
    const alert = await fields.findByText(/The vitals were not recorded/);
    await expect(alert).toHaveTextContent('The vitals were not recorded. Your account is not allowed to make this change.');
    await expect(fields.queryByRole('button', { name: 'Try again' })).toBeNull();
    await expect(fields.getByRole('textbox', { name: 'Heart rate (beats/min)' })).toHaveValue('112');
    await expect(args.onError).toHaveBeenCalled();
  },
};

/** Each rule its own sentence: not a number, out of range with the range and unit, too precise, half a pair, in the future. */
export const ValidationMessages: Story = {
  play: async ({ canvasElement }) => {
    const fields = await form(canvasElement);
    const box = (name: string) => fields.getByRole('textbox', { name });
    await userEvent.type(box('Systolic'), '-5');
    await userEvent.type(box('Oxygen saturation (%)'), 'ninety');
    await userEvent.type(box('Temperature (°C)'), '36.85');
    await userEvent.type(fields.getByLabelText('Measured at'), `${new Date().getFullYear() + 1}-01-01T10:00`);
    await userEvent.click(fields.getByRole('button', { name: 'Record vitals' }));
    await waitFor(() => expect(box('Systolic')).toHaveAccessibleDescription(expect.stringContaining('Must be between 50 and 300 mmHg')));
    await expect(box('Diastolic')).toHaveAccessibleDescription(expect.stringContaining('Enter the diastolic pressure as well'));
    await expect(box('Oxygen saturation (%)')).toHaveAccessibleDescription(expect.stringContaining('Must be a number'));
    await expect(box('Temperature (°C)')).toHaveAccessibleDescription(expect.stringContaining('Too many decimals: at most 1'));
    await expect(fields.getByLabelText('Measured at')).toHaveAccessibleDescription(expect.stringContaining('Must not be in the future'));
  },
};

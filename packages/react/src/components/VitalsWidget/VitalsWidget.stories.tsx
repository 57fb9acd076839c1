import type { Meta, StoryObj } from '@storybook/react-vite';
import { http, HttpResponse } from 'msw';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { STORY_PROXY_URL } from '../../../../../.storybook/emulator.ts';
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
    await expect(fields.getByRole('textbox', { name: 'Heart rate (beats/min)' })).toHaveAccessibleDescription('High: above the usual 60–100');
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

export const ServerError: Story = {
  beforeEach({ msw }) {
    msw.use(
      http.post(`${STORY_PROXY_URL}/observations`, () =>
        HttpResponse.json({ error: 'Internal Error', code: 'INTERNAL_ERROR', requestId: 'req_story', issues: [] }, { status: 500 }),
      ),
    );
  },
  play: async ({ canvasElement, args }) => {
    await fillIn(canvasElement);
    const fields = await form(canvasElement);
    await userEvent.click(fields.getByRole('button', { name: 'Record vitals' }));
    await expect(await fields.findByRole('alert')).toHaveTextContent('The vitals were not recorded.');
    await expect(fields.getByRole('textbox', { name: 'Systolic' })).toHaveValue('128');
    await expect(args.onError).toHaveBeenCalled();
  },
};

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

export const Dark: Story = {
  args: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    await fillIn(canvasElement);
    await expect(canvasElement.querySelector('.ck-root')).toHaveAttribute('data-theme', 'dark');
    await expect(canvasElement.querySelector('.ck-root')).toHaveAttribute('data-flagged');
  },
};

export const Glassmorphism: Story = {
  args: { theme: 'glassmorphism' },
  decorators: [
    (Story) => (
      <div style={{ padding: '2rem', background: 'linear-gradient(135deg, #c7f0e8, #dbe4ff 60%, #f6d9e8)' }}>
        <Story />
      </div>
    ),
  ],
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('No vitals recorded.')).toBeVisible();
    await expect(canvasElement.querySelector('.ck-root')).toHaveAttribute('data-theme', 'glassmorphism');
  },
};

export const Unstyled: Story = {
  args: { unstyled: true, className: 'my-vitals' },
  play: async ({ canvasElement }) => {
    const root = await within(canvasElement).findByRole('region', { name: 'Vital signs' });
    await expect(root).toHaveClass('my-vitals');
    await expect(root).not.toHaveClass('ck-root');
  },
};

import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { serverErrorStory } from '../../../../../.storybook/server-error.ts';
import { WithPatient } from '../../../../../.storybook/WithPatient.tsx';
import { PrescriptionWidget } from './PrescriptionWidget.tsx';

const meta = {
  title: 'Widgets/PrescriptionWidget',
  component: PrescriptionWidget,
  args: { patientId: 'looked up by name', prescriberId: 'prac-story', onSuccess: fn(), onError: fn() },
  render: (args) => <WithPatient lastName="Brooks">{(patientId) => <PrescriptionWidget {...args} patientId={patientId} />}</WithPatient>,
} satisfies Meta<typeof PrescriptionWidget>;

export default meta;
type Story = StoryObj<typeof meta>;

const form = async (canvasElement: HTMLElement) => within(await within(canvasElement).findByRole('form', { name: 'Quick prescription' }));

async function fillIn(canvasElement: HTMLElement): Promise<void> {
  const fields = await form(canvasElement);
  await userEvent.type(fields.getByRole('combobox', { name: /Medication/ }), 'Amoxicillin 500 MG Oral Capsule (308191)');
}

export const Default: Story = {
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('No prescriptions on record.')).toBeVisible();
  },
};

export const Filled: Story = {
  play: async ({ canvasElement }) => {
    await fillIn(canvasElement);
    await expect((await form(canvasElement)).getByRole('combobox', { name: /Medication/ })).toHaveValue(
      'Amoxicillin 500 MG Oral Capsule (308191)',
    );
  },
};

export const ValidationError: Story = {
  play: async ({ canvasElement, args }) => {
    const fields = await form(canvasElement);
    await userEvent.click(fields.getByRole('button', { name: 'Add' }));
    const medication = fields.getByRole('combobox', { name: /Medication/ });
    await waitFor(() => expect(medication).toHaveAccessibleDescription(expect.stringContaining('Enter the medication')));
    await expect(medication).toHaveFocus();
    await expect(args.onSuccess).not.toHaveBeenCalled();
  },
};

export const ServerError: Story = serverErrorStory('POST', 'prescriptions', {
  play: async ({ canvasElement, args }) => {
    await fillIn(canvasElement);
    const fields = await form(canvasElement);
    await userEvent.click(fields.getByRole('button', { name: 'Add' }));
    await expect(await fields.findByRole('alert')).toHaveTextContent('The prescription was not saved.');
    await expect(fields.getByRole('combobox', { name: /Medication/ })).toHaveValue('Amoxicillin 500 MG Oral Capsule (308191)');
    await expect(args.onError).toHaveBeenCalled();
  },
});

export const Success: Story = {
  play: async ({ canvasElement, args }) => {
    await fillIn(canvasElement);
    const fields = await form(canvasElement);
    await userEvent.click(fields.getByRole('button', { name: 'Add' }));
    await expect(await fields.findByRole('status')).toHaveTextContent('Prescribed Amoxicillin 500 MG Oral Capsule.');
    const list = within(await within(canvasElement).findByRole('region', { name: 'Current prescriptions' }));
    await expect(await list.findByText('Amoxicillin 500 MG Oral Capsule')).toBeVisible();
    await expect(args.onSuccess).toHaveBeenCalledOnce();
  },
};

import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { serverErrorStory } from '../../../../../.storybook/server-error.ts';
import { WithPatient } from '../../../../../.storybook/WithPatient.tsx';
import { PrescriptionForm } from './PrescriptionForm.tsx';

const meta = {
  title: 'Widgets/PrescriptionForm',
  component: PrescriptionForm,
  args: { patientId: 'looked up by name', prescriberId: 'prac-story', onSuccess: fn(), onError: fn() },
  render: (args) => <WithPatient lastName="Ruiz">{(patientId) => <PrescriptionForm {...args} patientId={patientId} />}</WithPatient>,
} satisfies Meta<typeof PrescriptionForm>;

export default meta;
type Story = StoryObj<typeof meta>;

const form = async (canvasElement: HTMLElement) => within(await within(canvasElement).findByRole('form', { name: 'New prescription' }));

async function fillIn(canvasElement: HTMLElement): Promise<void> {
  const fields = await form(canvasElement);
  await userEvent.type(fields.getByRole('combobox', { name: /Medication/ }), 'Amoxicillin 500 MG Oral Capsule (308191)');
  await userEvent.type(fields.getByRole('textbox', { name: /Dosage instructions/ }), 'Take 1 capsule three times daily');
  await userEvent.selectOptions(fields.getByRole('combobox', { name: 'Frequency' }), 'Three times daily');
  await userEvent.type(fields.getByRole('spinbutton', { name: 'Duration (days)' }), '7');
  await userEvent.type(fields.getByRole('spinbutton', { name: 'Quantity to dispense' }), '21');
  await userEvent.selectOptions(fields.getByRole('combobox', { name: 'Course of therapy' }), 'Acute');
}

export const Default: Story = {
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('No prescriptions on record.')).toBeVisible();
  },
};

export const Filled: Story = {
  play: async ({ canvasElement }) => {
    await fillIn(canvasElement);
    const fields = await form(canvasElement);
    await expect(fields.getByRole('spinbutton', { name: 'Quantity to dispense' })).toHaveAccessibleDescription('3 a day for 7 days is 21.');
  },
};

export const ValidationError: Story = {
  play: async ({ canvasElement, args }) => {
    const fields = await form(canvasElement);
    const refills = fields.getByRole('spinbutton', { name: 'Refills' });
    await userEvent.clear(refills);
    await userEvent.type(refills, '20');
    await userEvent.click(fields.getByRole('button', { name: 'Prescribe' }));
    const medication = fields.getByRole('combobox', { name: /Medication/ });
    await waitFor(() => expect(medication).toHaveAccessibleDescription(expect.stringContaining('Enter the medication')));
    await expect(medication).toHaveFocus();
    await expect(refills).toHaveAccessibleDescription(expect.stringContaining('Must be between 0 and 12'));
    await expect(args.onSuccess).not.toHaveBeenCalled();
  },
};

export const ServerError: Story = serverErrorStory('POST', 'prescriptions', {
  play: async ({ canvasElement, args }) => {
    await fillIn(canvasElement);
    const fields = await form(canvasElement);
    await userEvent.click(fields.getByRole('button', { name: 'Prescribe' }));
    await expect(await fields.findByRole('alert')).toHaveTextContent('The prescription was not saved.');
    await expect(fields.getByRole('spinbutton', { name: 'Quantity to dispense' })).toHaveValue(21);
    await expect(args.onError).toHaveBeenCalled();
  },
});

export const Success: Story = {
  play: async ({ canvasElement, args }) => {
    await fillIn(canvasElement);
    const fields = await form(canvasElement);
    await userEvent.click(fields.getByRole('button', { name: 'Prescribe' }));
    await expect(await fields.findByRole('status')).toHaveTextContent('Prescribed Amoxicillin 500 MG Oral Capsule.');
    await expect(await within(canvasElement).findByText('— Take 1 capsule three times daily', { exact: false })).toBeVisible();
    await expect(args.onSuccess).toHaveBeenCalledOnce();
  },
};

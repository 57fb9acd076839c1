import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { serverErrorStory } from '../../../../../.storybook/server-error.ts';
import { WithPatient } from '../../../../../.storybook/WithPatient.tsx';
import { AllergyRecorder } from './AllergyRecorder.tsx';

const meta = {
  title: 'Widgets/AllergyRecorder',
  component: AllergyRecorder,
  args: { patientId: 'looked up by name', onSuccess: fn(), onError: fn() },
  render: (args) => <WithPatient lastName="Okafor">{(patientId) => <AllergyRecorder {...args} patientId={patientId} />}</WithPatient>,
} satisfies Meta<typeof AllergyRecorder>;

export default meta;
type Story = StoryObj<typeof meta>;

const form = async (canvasElement: HTMLElement) => within(await within(canvasElement).findByRole('form', { name: 'Record an allergy' }));

async function fillIn(canvasElement: HTMLElement): Promise<void> {
  const fields = await form(canvasElement);
  await userEvent.type(fields.getByRole('combobox', { name: /Allergen/ }), 'Penicillin (764146007)');
  await userEvent.selectOptions(fields.getByRole('combobox', { name: 'Type' }), 'Allergy');
  await userEvent.click(fields.getByRole('checkbox', { name: 'Medication' }));
  await userEvent.selectOptions(fields.getByRole('combobox', { name: 'Criticality' }), 'High');
  await userEvent.type(fields.getByRole('textbox', { name: 'Reaction' }), 'Hives');
  await userEvent.selectOptions(fields.getByRole('combobox', { name: 'Reaction severity' }), 'Moderate');
}

export const Default: Story = {
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('No allergies recorded.')).toBeVisible();
  },
};

export const Filled: Story = {
  play: async ({ canvasElement }) => {
    await fillIn(canvasElement);
    await expect((await form(canvasElement)).getByRole('checkbox', { name: 'Medication' })).toBeChecked();
  },
};

export const ValidationError: Story = {
  play: async ({ canvasElement, args }) => {
    const fields = await form(canvasElement);
    await userEvent.click(fields.getByRole('button', { name: 'Record allergy' }));
    const allergen = fields.getByRole('combobox', { name: /Allergen/ });
    await waitFor(() => expect(allergen).toHaveAccessibleDescription(expect.stringContaining('Enter the allergen')));
    await expect(allergen).toHaveFocus();
    await expect(args.onSuccess).not.toHaveBeenCalled();
  },
};

export const ServerError: Story = serverErrorStory('POST', 'allergies', {
  play: async ({ canvasElement, args }) => {
    await fillIn(canvasElement);
    const fields = await form(canvasElement);
    await userEvent.click(fields.getByRole('button', { name: 'Record allergy' }));
    await expect(await fields.findByRole('alert')).toHaveTextContent('The allergy was not recorded.');
    await expect(fields.getByRole('combobox', { name: /Allergen/ })).toHaveValue('Penicillin (764146007)');
    await expect(args.onError).toHaveBeenCalled();
  },
});

export const Success: Story = {
  play: async ({ canvasElement, args }) => {
    await fillIn(canvasElement);
    const fields = await form(canvasElement);
    await userEvent.click(fields.getByRole('button', { name: 'Record allergy' }));
    await expect(await fields.findByRole('status')).toHaveTextContent('Recorded Penicillin.');
    await expect(await within(canvasElement).findByText('Penicillin')).toBeVisible();
    await expect(args.onSuccess).toHaveBeenCalledOnce();
  },
};

import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { serverErrorStory } from '../../../../../.storybook/server-error.ts';
import { WithPatient } from '../../../../../.storybook/WithPatient.tsx';
import { LabResultsWidget } from './LabResultsWidget.tsx';

const meta = {
  title: 'Widgets/LabResultsWidget',
  component: LabResultsWidget,
  args: { patientId: 'looked up by name', onSuccess: fn(), onError: fn() },
  render: (args) => <WithPatient lastName="Wei">{(patientId) => <LabResultsWidget {...args} patientId={patientId} />}</WithPatient>,
} satisfies Meta<typeof LabResultsWidget>;

export default meta;
type Story = StoryObj<typeof meta>;

const form = async (canvasElement: HTMLElement) => within(await within(canvasElement).findByRole('form', { name: 'Order a lab report' }));

async function fillIn(canvasElement: HTMLElement): Promise<void> {
  const fields = await form(canvasElement);
  await userEvent.type(fields.getByRole('combobox', { name: /Test/ }), 'Lipid panel (24331-1)');
  await userEvent.selectOptions(fields.getByRole('combobox', { name: /Status/ }), 'Final');
  await userEvent.type(fields.getByRole('textbox', { name: 'Conclusion' }), 'LDL above target');
}

export const Default: Story = {
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('No lab reports yet.')).toBeVisible();
  },
};

export const Filled: Story = {
  play: async ({ canvasElement }) => {
    await fillIn(canvasElement);
    await expect((await form(canvasElement)).getByRole('combobox', { name: 'Category' })).toHaveValue('LAB');
  },
};

export const ValidationError: Story = {
  play: async ({ canvasElement, args }) => {
    const fields = await form(canvasElement);
    await userEvent.click(fields.getByRole('button', { name: 'Order report' }));
    const test = fields.getByRole('combobox', { name: /Test/ });
    await waitFor(() => expect(test).toHaveAccessibleDescription(expect.stringContaining('Enter the test')));
    await expect(test).toHaveFocus();
    await expect(args.onSuccess).not.toHaveBeenCalled();
  },
};

export const ServerError: Story = serverErrorStory('POST', 'labs', {
  play: async ({ canvasElement, args }) => {
    await fillIn(canvasElement);
    const fields = await form(canvasElement);
    await userEvent.click(fields.getByRole('button', { name: 'Order report' }));
    await expect(await fields.findByRole('alert')).toHaveTextContent('The lab report was not ordered.');
    await expect(fields.getByRole('combobox', { name: /Test/ })).toHaveValue('Lipid panel (24331-1)');
    await expect(args.onError).toHaveBeenCalled();
  },
});

export const Success: Story = {
  play: async ({ canvasElement, args }) => {
    await fillIn(canvasElement);
    const fields = await form(canvasElement);
    await userEvent.click(fields.getByRole('button', { name: 'Order report' }));
    await expect(await fields.findByRole('status')).toHaveTextContent('Ordered Lipid panel.');
    await expect(await within(canvasElement).findByText('— LDL above target', { exact: false })).toBeVisible();
    await expect(args.onSuccess).toHaveBeenCalledOnce();
  },
};

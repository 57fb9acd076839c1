import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { serverErrorStory } from '../../../../../.storybook/server-error.ts';
import { WithPatient } from '../../../../../.storybook/WithPatient.tsx';
import { ImmunizationLogger } from './ImmunizationLogger.tsx';

const meta = {
  title: 'Widgets/ImmunizationLogger',
  component: ImmunizationLogger,
  args: { patientId: 'looked up by name', onSuccess: fn(), onError: fn() },
  render: (args) => <WithPatient lastName="Brooks">{(patientId) => <ImmunizationLogger {...args} patientId={patientId} />}</WithPatient>,
} satisfies Meta<typeof ImmunizationLogger>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The story first finds its patient, then loads; a busy CI machine can take longer than Testing Library's 1 s. */
const LOADED = { timeout: 10_000 };

const form = async (canvasElement: HTMLElement) =>
  within(await within(canvasElement).findByRole('form', { name: 'Log an immunization' }, LOADED));

async function fillIn(canvasElement: HTMLElement): Promise<void> {
  const fields = await form(canvasElement);
  await userEvent.type(fields.getByRole('combobox', { name: /Vaccine/ }), '141');
  await userEvent.type(fields.getByRole('combobox', { name: /Site/ }), 'LD');
  await userEvent.type(fields.getByRole('combobox', { name: /Route/ }), 'IM');
  await userEvent.type(fields.getByRole('textbox', { name: 'Lot number' }), 'EW0150');
  await userEvent.type(fields.getByRole('textbox', { name: 'Manufacturer' }), 'Seqirus');
}

export const Default: Story = {
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('No immunizations recorded.', {}, LOADED)).toBeVisible();
  },
};

export const Filled: Story = {
  play: async ({ canvasElement }) => {
    await fillIn(canvasElement);
    await expect((await form(canvasElement)).getByRole('textbox', { name: 'Lot number' })).toHaveValue('EW0150');
  },
};

export const ValidationError: Story = {
  play: async ({ canvasElement, args }) => {
    const fields = await form(canvasElement);
    await userEvent.click(fields.getByRole('button', { name: 'Log immunization' }));
    const vaccine = fields.getByRole('combobox', { name: /Vaccine/ });
    await waitFor(() => expect(vaccine).toHaveAccessibleDescription(expect.stringContaining('Enter the vaccine')));
    await expect(vaccine).toHaveFocus();
    await expect(args.onSuccess).not.toHaveBeenCalled();
  },
};

export const ServerError: Story = serverErrorStory('POST', 'immunizations', {
  play: async ({ canvasElement, args }) => {
    await fillIn(canvasElement);
    const fields = await form(canvasElement);
    await userEvent.click(fields.getByRole('button', { name: 'Log immunization' }));
    await expect(await fields.findByRole('alert', {}, LOADED)).toHaveTextContent('The immunization was not logged.');
    await expect(fields.getByRole('textbox', { name: 'Lot number' })).toHaveValue('EW0150');
    await expect(args.onError).toHaveBeenCalled();
  },
});

export const Success: Story = {
  play: async ({ canvasElement, args }) => {
    await fillIn(canvasElement);
    const fields = await form(canvasElement);
    await userEvent.click(fields.getByRole('button', { name: 'Log immunization' }));
    await expect(await fields.findByRole('status', {}, LOADED)).toHaveTextContent('Logged Influenza, seasonal, injectable.');
    const history = await within(canvasElement).findByRole('region', { name: 'Immunization history' }, LOADED);
    await expect(await within(history).findByText(/Left deltoid · Intramuscular · Lot EW0150/, {}, LOADED)).toBeVisible();
    await expect(args.onSuccess).toHaveBeenCalledOnce();
  },
};

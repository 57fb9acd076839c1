import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { serverErrorStory } from '../../../../../.storybook/server-error.ts';
import { WithPatient } from '../../../../../.storybook/WithPatient.tsx';
import { NoteEditor } from './NoteEditor.tsx';

const meta = {
  title: 'Widgets/NoteEditor',
  component: NoteEditor,
  args: { patientId: 'looked up by name', authorId: 'prac-story', onSuccess: fn(), onError: fn() },
  render: (args) => <WithPatient lastName="Mensah">{(patientId) => <NoteEditor {...args} patientId={patientId} />}</WithPatient>,
} satisfies Meta<typeof NoteEditor>;

export default meta;
type Story = StoryObj<typeof meta>;

const form = async (canvasElement: HTMLElement) => within(await within(canvasElement).findByRole('form', { name: 'New note' }));

async function fillIn(canvasElement: HTMLElement): Promise<void> {
  const fields = await form(canvasElement);
  await userEvent.type(fields.getByRole('textbox', { name: /Title/ }), 'Follow-up Visit - Hypertension');
  await userEvent.type(
    fields.getByRole('textbox', { name: /^Note/ }),
    '## Subjective{Enter}Patient reports **better** sleep.{Enter}{Enter}- Continue lisinopril',
  );
  await userEvent.type(fields.getByRole('textbox', { name: /Category/ }), 'cardiology');
}

export const Default: Story = {
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('No notes yet.')).toBeVisible();
  },
};

export const Filled: Story = {
  play: async ({ canvasElement }) => {
    await fillIn(canvasElement);
    const fields = await form(canvasElement);
    await userEvent.click(fields.getByRole('button', { name: 'Show preview' }));
    const preview = within(fields.getByRole('region', { name: 'Preview' }));
    await expect(preview.getByRole('heading', { name: 'Subjective' })).toBeVisible();
    await expect(await fields.findByText(/^Draft saved on this device/, {}, { timeout: 3000 })).toBeVisible();
  },
};

export const ValidationError: Story = {
  play: async ({ canvasElement, args }) => {
    const fields = await form(canvasElement);
    await userEvent.click(fields.getByRole('button', { name: 'Save note' }));
    const title = fields.getByRole('textbox', { name: /Title/ });
    await waitFor(() => expect(title).toHaveAccessibleDescription('Required'));
    await expect(title).toHaveFocus();
    await expect(args.onSuccess).not.toHaveBeenCalled();
  },
};

export const ServerError: Story = serverErrorStory('POST', 'notes', {
  play: async ({ canvasElement, args }) => {
    await fillIn(canvasElement);
    const fields = await form(canvasElement);
    await userEvent.click(fields.getByRole('button', { name: 'Save note' }));
    await expect(await fields.findByRole('alert')).toHaveTextContent('The note was not saved.');
    await expect(fields.getByRole('textbox', { name: /Title/ })).toHaveValue('Follow-up Visit - Hypertension');
    await expect(args.onError).toHaveBeenCalled();
  },
});

export const Success: Story = {
  play: async ({ canvasElement, args }) => {
    await fillIn(canvasElement);
    const fields = await form(canvasElement);
    await userEvent.click(fields.getByRole('button', { name: 'Save note' }));
    await expect(await fields.findByRole('status')).toHaveTextContent('Saved “Follow-up Visit - Hypertension”.');
    const list = within(await within(canvasElement).findByRole('region', { name: 'Recent notes' }));
    await expect(await list.findByText('Follow-up Visit - Hypertension')).toBeVisible();
    await expect(args.onSuccess).toHaveBeenCalledOnce();
  },
};

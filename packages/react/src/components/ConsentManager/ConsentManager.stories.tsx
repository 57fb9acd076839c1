import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, screen, userEvent, waitFor, within } from 'storybook/test';
import { serverErrorStory } from '../../../../../.storybook/server-error.ts';
import { WithConsents } from '../../../../../.storybook/WithConsents.tsx';
import { WithPatient } from '../../../../../.storybook/WithPatient.tsx';
import { ConsentManager } from './ConsentManager.tsx';

/** The widget's creates carry an Idempotency-Key; the story's own seeding does not, and must not be failed. */
const fromWidget = (request: Request) => request.headers.has('idempotency-key');

const meta = {
  title: 'Widgets/ConsentManager',
  component: ConsentManager,
  args: { patientId: 'looked up by name', onSuccess: fn(), onError: fn() },
  render: (args) => (
    <WithPatient lastName="Okafor">
      {(patientId) => (
        <WithConsents patientId={patientId}>
          <ConsentManager {...args} patientId={patientId} />
        </WithConsents>
      )}
    </WithPatient>
  ),
} satisfies Meta<typeof ConsentManager>;

export default meta;
type Story = StoryObj<typeof meta>;

const form = async (canvasElement: HTMLElement) => within(await within(canvasElement).findByRole('form', { name: 'Record a consent' }));

/** Draws a short zig-zag on the pad with the mouse, as a person signing would. */
async function draw(pad: HTMLElement): Promise<void> {
  const box = pad.getBoundingClientRect();
  const at = (x: number, y: number) => ({ clientX: box.left + box.width * x, clientY: box.top + box.height * y });
  await userEvent.pointer([
    { keys: '[MouseLeft>]', target: pad, coords: at(0.1, 0.6) },
    { target: pad, coords: at(0.2, 0.3) },
    { target: pad, coords: at(0.3, 0.7) },
    { target: pad, coords: at(0.45, 0.35) },
    { keys: '[/MouseLeft]', target: pad },
  ]);
}

async function fillIn(canvasElement: HTMLElement): Promise<void> {
  const fields = await form(canvasElement);
  await userEvent.click(fields.getByRole('radio', { name: /^Treatment/ }));
  await userEvent.selectOptions(fields.getByRole('combobox', { name: /^Category/ }), 'Consent to treatment');
  await userEvent.selectOptions(fields.getByRole('combobox', { name: /^Policy/ }), 'Common Rule informed consent');
  await draw(fields.getByRole('img', { name: /Signature area/ }));
}

export const Default: Story = {
  play: async ({ canvasElement }) => {
    const list = await within(canvasElement).findByRole('region', { name: 'On record' });
    await expect(await within(list).findByText('Privacy — HIPAA privacy notice')).toBeVisible();
    await expect(within(list).getByText('In force')).toBeVisible();
    await expect(within(list).getByText('Awaiting signature')).toBeVisible();
  },
};

export const Filled: Story = {
  play: async ({ canvasElement }) => {
    await fillIn(canvasElement);
    await expect((await form(canvasElement)).getByText('Signature drawn.')).toBeVisible();
  },
};

export const ValidationError: Story = {
  play: async ({ canvasElement, args }) => {
    const fields = await form(canvasElement);
    await userEvent.click(fields.getByRole('radio', { name: /^Privacy/ }));
    await userEvent.selectOptions(fields.getByRole('combobox', { name: /^Category/ }), 'HIPAA privacy notice');
    await userEvent.click(fields.getByRole('button', { name: 'Sign consent' }));
    const policy = fields.getByRole('combobox', { name: /^Policy/ });
    await waitFor(() => expect(policy).toHaveAccessibleDescription(expect.stringContaining('Choose the policy the patient agrees to')));
    await expect(policy).toHaveFocus();
    await expect(args.onSuccess).not.toHaveBeenCalled();
  },
};

export const ServerError: Story = serverErrorStory(
  'POST',
  'consents',
  {
    play: async ({ canvasElement, args }) => {
      await fillIn(canvasElement);
      const fields = await form(canvasElement);
      await userEvent.click(fields.getByRole('button', { name: 'Sign consent' }));
      await expect(await fields.findByRole('alert')).toHaveTextContent('The consent was not recorded.');
      await expect(fields.getByText('Signature drawn.')).toBeVisible();
      await expect(args.onError).toHaveBeenCalled();
    },
  },
  { when: fromWidget },
);

export const Success: Story = {
  play: async ({ canvasElement, args }) => {
    await fillIn(canvasElement);
    const fields = await form(canvasElement);
    await userEvent.click(fields.getByRole('button', { name: 'Sign consent' }));
    await expect(await fields.findByRole('status')).toHaveTextContent('Consent signed and in force.');
    await expect(await within(canvasElement).findByRole('img', { name: 'Signature' })).toBeVisible();
    await expect(args.onSuccess).toHaveBeenCalledOnce();
  },
};

export const SignAwaitingConsent: Story = {
  play: async ({ canvasElement, args }) => {
    const list = await within(canvasElement).findByRole('region', { name: 'On record' });
    await userEvent.click(await within(list).findByRole('button', { name: 'Sign…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Sign consent' });
    await userEvent.click(within(dialog).getByRole('tab', { name: 'Type your name' }));
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Full name' }), 'Amara Okafor');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Sign consent' }));
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledWith(expect.objectContaining({ status: 'active' })));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    // The privacy notice was signed the same way before; now the research consent is too.
    await waitFor(() => expect(within(list).getAllByText('Signed by typing “Amara Okafor”')).toHaveLength(2));
    await expect(within(list).queryByText('Awaiting signature')).not.toBeInTheDocument();
  },
};

/** On the patient's own screen: what a patient decides (no provision details), and only a patient's steps (sign, withdraw). */
export const PatientFacing: Story = {
  args: { variant: 'patient' },
  play: async ({ canvasElement }) => {
    const list = await within(canvasElement).findByRole('region', { name: 'On record' });
    await within(list).findByText('Privacy — HIPAA privacy notice');
    await expect(within(list).queryByRole('button', { name: 'Send for signature' })).toBeNull();
    await expect(within(list).queryByRole('button', { name: 'Record refusal' })).toBeNull();
    const fields = await form(canvasElement);
    await expect(fields.queryByRole('combobox', { name: 'Provision' })).toBeNull();
    await expect(fields.getByRole('combobox', { name: /^Category/ })).toBeVisible();
  },
};

/** The user may read consents but not record or change them: the list, and no form or step to take. */
export const ReadOnly: Story = {
  parameters: { access: { consents: ['search', 'read'] } },
  play: async ({ canvasElement }) => {
    const list = await within(canvasElement).findByRole('region', { name: 'On record' });
    await expect(await within(list).findByText('Privacy — HIPAA privacy notice')).toBeVisible();
    await expect(within(canvasElement).queryByRole('form', { name: 'Record a consent' })).toBeNull();
    await expect(within(list).queryByRole('button')).toBeNull();
  },
};

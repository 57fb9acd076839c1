import type { Meta, StoryObj } from '@storybook/react-vite';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { STORY_PROXY_URL } from '../../../../../.storybook/emulator.ts';
import { serverErrorStory } from '../../../../../.storybook/server-error.ts';
import { WithPatient } from '../../../../../.storybook/WithPatient.tsx';
import { DEFAULT_INTAKE_URL } from './default-questionnaire.ts';
import { IntakeForm } from './IntakeForm.tsx';
import type { Questionnaire } from './questionnaire/types.ts';

const meta = {
  title: 'Widgets/IntakeForm',
  component: IntakeForm,
  args: { patientId: 'looked up by name', onSuccess: fn(), onError: fn() },
  render: (args) => <WithPatient lastName="Okafor">{(patientId) => <IntakeForm {...args} patientId={patientId} />}</WithPatient>,
} satisfies Meta<typeof IntakeForm>;

export default meta;
type Story = StoryObj<typeof meta>;

const form = async (canvasElement: HTMLElement, name = 'Patient intake') =>
  within(await within(canvasElement).findByRole('form', { name }));

async function fillFirstPage(canvasElement: HTMLElement): Promise<void> {
  const fields = await form(canvasElement);
  await userEvent.type(fields.getByRole('textbox', { name: /main reason/ }), 'Persistent cough');
  await userEvent.type(fields.getByRole('textbox', { name: /pain level/ }), '2');
  await userEvent.type(fields.getByRole('combobox', { name: 'Where is the pain?' }), 'Chest');
}

/** Answers the three pages with as little as the default intake requires. */
async function answerAllPages(canvasElement: HTMLElement): Promise<void> {
  await fillFirstPage(canvasElement);
  const fields = await form(canvasElement);
  await userEvent.click(fields.getByRole('button', { name: 'Next' }));
  await userEvent.click(within(await fields.findByRole('radiogroup', { name: /allergies\?/ })).getByRole('radio', { name: 'No' }));
  await userEvent.click(fields.getByRole('button', { name: 'Next' }));
  await fields.findByRole('heading', { name: 'About you' });
}

/** The widget's writes carry an Idempotency-Key or If-Match; the story's own seeding does not. */
const fromWidget = (request: Request) => request.headers.has('idempotency-key') || request.headers.has('if-match');

export const Default: Story = {
  play: async ({ canvasElement }) => {
    const fields = await form(canvasElement);
    await expect(fields.getByText('Step 1 of 3')).toBeVisible();
    await expect(fields.getByRole('heading', { name: 'About your visit' })).toBeVisible();
  },
};

export const Filled: Story = {
  play: async ({ canvasElement }) => {
    await fillFirstPage(canvasElement);
    // Answers are kept as the patient goes.
    await expect(await within(canvasElement).findByText(/^Saved at/, {}, { timeout: 5000 })).toBeVisible();
  },
};

export const ValidationError: Story = {
  play: async ({ canvasElement, args }) => {
    const fields = await form(canvasElement);
    await userEvent.type(fields.getByRole('textbox', { name: /pain level/ }), '12');
    await userEvent.click(fields.getByRole('button', { name: 'Next' }));
    const reason = fields.getByRole('textbox', { name: /main reason/ });
    await waitFor(() => expect(reason).toHaveFocus());
    await expect(reason).toHaveAccessibleDescription('Please answer this question');
    await expect(fields.getByRole('textbox', { name: /pain level/ })).toHaveAccessibleDescription('Must be between 0 and 10');
    await expect(args.onSuccess).not.toHaveBeenCalled();
  },
};

export const ServerError: Story = serverErrorStory(
  'POST',
  'intakes',
  {
    args: { autosaveDelay: 0 },
    play: async ({ canvasElement, args }) => {
      await answerAllPages(canvasElement);
      const fields = await form(canvasElement);
      await userEvent.click(fields.getByRole('button', { name: 'Submit answers' }));
      await expect(await fields.findByRole('alert')).toHaveTextContent('Your answers were not sent.');
      await expect(args.onError).toHaveBeenCalled();
    },
  },
  { when: fromWidget },
);

export const Success: Story = {
  play: async ({ canvasElement, args }) => {
    await answerAllPages(canvasElement);
    const fields = await form(canvasElement);
    await userEvent.click(fields.getByRole('button', { name: 'Submit answers' }));
    await expect(await within(canvasElement).findByRole('heading', { name: 'Thank you' })).toHaveFocus();
    await expect(args.onSuccess).toHaveBeenCalledWith(expect.objectContaining({ status: 'completed' }));
  },
};

/** Seeds an unfinished intake for the story's patient, as a previous visit would have left it. */
function WithDraft({ patientId, children }: { patientId: string; children: ReactNode }) {
  const seeded = useQuery({
    queryKey: ['story', 'intake-draft', patientId],
    staleTime: Infinity,
    queryFn: async () => {
      await fetch(`${STORY_PROXY_URL}/intakes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          patientId,
          status: 'in-progress',
          questionnaire: DEFAULT_INTAKE_URL,
          items: [{ linkId: 'visit', items: [{ linkId: 'chief-complaint', answer: [{ valueString: 'Knee pain after running' }] }] }],
        }),
      });
      return true;
    },
  });
  return seeded.data ? children : <p>Setting up the story's saved answers…</p>;
}

export const Resumed: Story = {
  render: (args) => (
    <WithPatient lastName="Okafor">
      {(patientId) => (
        <WithDraft patientId={patientId}>
          <IntakeForm {...args} patientId={patientId} />
        </WithDraft>
      )}
    </WithPatient>
  ),
  play: async ({ canvasElement }) => {
    const fields = await form(canvasElement);
    await expect(await within(canvasElement).findByText(/^Welcome back/)).toBeVisible();
    await expect(fields.getByRole('textbox', { name: /main reason/ })).toHaveValue('Knee pain after running');
  },
};

/** One page with every answer type, nested and repeating, for apps bringing their own questionnaire. */
const everyType: Questionnaire = {
  resourceType: 'Questionnaire',
  id: 'every-type',
  title: 'Every answer type',
  item: [
    { linkId: 'intro', type: 'display', text: 'This questionnaire shows each kind of question.' },
    { linkId: 'name', type: 'string', text: 'Preferred name', required: true },
    { linkId: 'story', type: 'text', text: 'Tell us more' },
    { linkId: 'smoker', type: 'boolean', text: 'Do you smoke?' },
    {
      linkId: 'cigarettes',
      type: 'integer',
      text: 'Cigarettes a day',
      enableWhen: [{ question: 'smoker', operator: '=', answerBoolean: true }],
    },
    { linkId: 'height', type: 'decimal', text: 'Height (m)' },
    { linkId: 'born', type: 'date', text: 'Date of birth' },
    { linkId: 'arrived', type: 'dateTime', text: 'Arrived at' },
    { linkId: 'wake', type: 'time', text: 'Usual waking time' },
    {
      linkId: 'blood-type',
      type: 'choice',
      text: 'Blood type',
      answerOption: ['A+', 'A−', 'B+', 'B−', 'AB+', 'AB−', 'O+', 'O−'].map((display, index) => ({
        valueCoding: { code: String(index), display },
      })),
    },
    { linkId: 'website', type: 'url', text: 'Personal health record link' },
    {
      linkId: 'contacts',
      type: 'group',
      text: 'Emergency contact',
      repeats: true,
      item: [
        { linkId: 'contact-name', type: 'string', text: 'Name' },
        { linkId: 'contact-phone', type: 'string', text: 'Phone', repeats: true },
      ],
    },
  ],
};

export const CustomQuestionnaire: Story = {
  args: { questionnaire: everyType },
  play: async ({ canvasElement }) => {
    const fields = await form(canvasElement, 'Every answer type');
    await userEvent.click(within(fields.getByRole('radiogroup', { name: 'Do you smoke?' })).getByRole('radio', { name: 'Yes' }));
    await expect(fields.getByRole('textbox', { name: 'Cigarettes a day' })).toBeVisible();
    await userEvent.click(fields.getByRole('button', { name: 'Add another: Emergency contact' }));
    await expect(fields.getByRole('group', { name: 'Emergency contact (2)' })).toBeVisible();
  },
};

/** The default intake's plausible answers, as the API holds them too: a range with its unit, no date in the future, a web address. */
export const ImplausibleAnswers: Story = {
  play: async ({ canvasElement, args }) => {
    await answerAllPages(canvasElement);
    const fields = await form(canvasElement);
    await userEvent.type(fields.getByRole('textbox', { name: 'Weight' }), '-70');
    await userEvent.type(fields.getByLabelText('Date of your last check-up'), '2099-01-01');
    await userEvent.type(fields.getByRole('textbox', { name: 'A link to records you want to share' }), 'javascript:alert(1)');
    await userEvent.click(fields.getByRole('button', { name: 'Submit answers' }));
    await waitFor(() =>
      expect(fields.getByRole('textbox', { name: 'Weight' })).toHaveAccessibleDescription('Must be between 0.5 and 500 kg'),
    );
    await expect(fields.getByLabelText('Date of your last check-up')).toHaveAccessibleDescription('Must not be in the future');
    await expect(fields.getByRole('textbox', { name: 'A link to records you want to share' })).toHaveAccessibleDescription(
      'Enter a full web address, such as https://example.org',
    );
    await expect(args.onSuccess).not.toHaveBeenCalled();
  },
};

/** A question an answer reveals is not in error before the patient could answer it; leaving it empty then says so. */
export const RevealedQuestion: Story = {
  play: async ({ canvasElement }) => {
    await fillFirstPage(canvasElement);
    const fields = await form(canvasElement);
    await userEvent.click(fields.getByRole('button', { name: 'Next' }));
    const hasAllergies = await fields.findByRole('radiogroup', { name: /allergies\?/ });
    await userEvent.click(fields.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(hasAllergies).toBeInvalid());
    await userEvent.click(within(hasAllergies).getByRole('radio', { name: 'Yes' }));
    const allergies = fields.getByRole('textbox', { name: /allergic to/ });
    await expect(allergies).not.toBeInvalid();
    await expect(allergies).not.toHaveAccessibleDescription();
    await userEvent.click(allergies);
    await userEvent.click(fields.getByRole('textbox', { name: 'Medicine' }));
    await expect(fields.getByRole('textbox', { name: /allergic to/ })).toHaveAccessibleDescription('Please answer this question');
  },
};

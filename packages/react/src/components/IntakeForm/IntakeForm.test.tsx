import type { QuestionnaireResponse } from '@clinikapi/core';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { expectNoAxeViolations } from '../../test/axe.ts';
import { TEST_PROXY_URL, startTestEmulator } from '../../test/emulator.ts';
import { createRecord, patientIdOf, recordsOf } from '../../test/emulator-records.ts';
import { failing } from '../../test/error-answers.ts';
import { mswServer } from '../../test/msw-server.ts';
import { renderWithClient } from '../../test/render.tsx';
import { onRequest } from '../../test/requests.ts';
import { DEFAULT_INTAKE_URL } from './default-questionnaire.ts';
import { IntakeForm } from './IntakeForm.tsx';
import type { Questionnaire } from './questionnaire/types.ts';

async function setUp() {
  const emulator = await startTestEmulator();
  const patientId = await patientIdOf(emulator, 'Okafor');
  return { emulator, patientId };
}

const form = () => screen.getByRole('form', { name: 'Patient intake' });
/** The form, once the widget has looked for saved answers. */
const ready = () => screen.findByRole('form', { name: 'Patient intake' });
const textbox = (name: string | RegExp) => within(form()).getByRole('textbox', { name });
const button = (name: string) => within(form()).getByRole('button', { name });
const pageHeading = (name: string) => within(form()).getByRole('heading', { level: 3, name });

/** Answers page 1's required questions. */
async function answerFirstPage(user: ReturnType<typeof userEvent.setup>): Promise<void> {
  await user.type(textbox(/main reason/), 'Annual physical exam');
  await user.type(textbox(/pain level/), '3');
}

function requests(): { readonly list: () => { method: string; ifMatch: string | null }[] } {
  const seen: { method: string; ifMatch: string | null }[] = [];
  onRequest((request) => {
    if (request.url.includes('/intakes') && request.method !== 'GET')
      seen.push({ method: request.method, ifMatch: request.headers.get('if-match') });
  });
  return { list: () => seen };
}

describe('IntakeForm', () => {
  it('asks the default intake page by page, showing questions only when they apply', async () => {
    const { patientId } = await setUp();
    const user = userEvent.setup();
    const { container } = renderWithClient(<IntakeForm patientId={patientId} />);

    expect(within(await ready()).getByText('Step 1 of 3')).toBeVisible();
    expect(pageHeading('About your visit')).toBeVisible();
    expect(textbox(/main reason/)).toHaveAttribute('aria-required', 'true');
    expect(textbox(/pain level/)).toHaveAttribute('placeholder', '0 is no pain, 10 the worst imaginable');
    // Where the pain is only matters when there is pain.
    expect(within(form()).queryByRole('combobox', { name: 'Where is the pain?' })).not.toBeInTheDocument();
    await user.type(textbox(/pain level/), '4');
    expect(within(form()).getByRole('combobox', { name: 'Where is the pain?' })).toBeVisible();
    expect(within(form()).queryByRole('button', { name: 'Back' })).not.toBeInTheDocument();
    await expectNoAxeViolations(container);
  });

  it('will not leave a page with problems, says what each is, and focuses the first', async () => {
    const { patientId } = await setUp();
    const user = userEvent.setup();
    const { container } = renderWithClient(<IntakeForm patientId={patientId} autosaveDelay={0} />);
    await ready();

    await user.type(textbox(/pain level/), '11');
    await user.type(textbox(/Temperature/), 'warm');
    await user.click(button('Next'));

    await waitFor(() => expect(textbox(/main reason/)).toHaveFocus());
    expect(textbox(/main reason/)).toHaveAccessibleDescription('Please answer this question');
    expect(textbox(/pain level/)).toHaveAccessibleDescription('Must be between 0 and 10');
    expect(textbox(/Temperature/)).toHaveAccessibleDescription('Must be a number');
    expect(textbox(/pain level/)).toBeInvalid();
    expect(within(form()).getByText('Step 1 of 3')).toBeVisible();
    await expectNoAxeViolations(container);

    await user.clear(textbox(/pain level/));
    await user.type(textbox(/pain level/), '2');
    await user.clear(textbox(/Temperature/));
    await user.type(textbox(/Temperature/), '37,2');
    await user.type(textbox(/main reason/), 'Cough');
    await user.click(button('Next'));
    await waitFor(() => expect(pageHeading('Your health')).toHaveFocus());
    expect(within(form()).getByText('Step 2 of 3')).toBeVisible();
  });

  it('holds answers to plausible ranges, and shows a revealed question’s problem only once the user has had a chance', async () => {
    const { emulator, patientId } = await setUp();
    const user = userEvent.setup();
    const { container } = renderWithClient(<IntakeForm patientId={patientId} autosaveDelay={0} />);
    await ready();
    await answerFirstPage(user);
    await user.click(button('Next'));
    await waitFor(() => expect(pageHeading('Your health')).toHaveFocus());

    await user.click(button('Next'));
    const hasAllergies = within(form()).getByRole('radiogroup', { name: /allergies\?/ });
    await waitFor(() => expect(hasAllergies).toBeInvalid());
    expect(within(hasAllergies).getByText('Please answer this question')).toBeVisible();
    await user.click(within(hasAllergies).getByRole('radio', { name: 'Yes' }));
    // Revealed by the answer: required, but not in error before the patient could answer it.
    const allergies = textbox(/allergic to/);
    expect(allergies).not.toBeInvalid();
    expect(allergies).not.toHaveAccessibleDescription();
    await user.click(allergies);
    // Past "Add another answer", which is still this question, to the next one.
    await user.tab();
    expect(textbox(/allergic to/)).not.toHaveAccessibleDescription();
    await user.tab();
    expect(textbox(/allergic to/)).toHaveAccessibleDescription('Please answer this question');
    await user.type(textbox(/allergic to/), 'Penicillin');
    await user.click(button('Next'));
    await waitFor(() => expect(pageHeading('About you')).toHaveFocus());

    await user.type(textbox('Weight'), '-70');
    // Past its unit, to the next question.
    await user.tab();
    await user.tab();
    expect(textbox('Weight')).toHaveAccessibleDescription('Must be between 0.5 and 500 kg');
    await user.type(within(form()).getByLabelText('Date of your last check-up'), '2099-01-01');
    await user.tab();
    expect(within(form()).getByLabelText('Date of your last check-up')).toHaveAccessibleDescription('Must not be in the future');
    await user.type(textbox('A link to records you want to share'), 'javascript:alert(1)');
    await user.click(button('Submit answers'));
    expect(textbox('A link to records you want to share')).toHaveAccessibleDescription(
      'Enter a full web address, such as https://example.org',
    );
    expect(await within(form()).findByText('3 answers need attention before sending.')).toBeVisible();
    // Only the draft the pages saved, without the answers in error: nothing implausible reached the API.
    const stored = await recordsOf<QuestionnaireResponse>(emulator, 'intakes', patientId);
    expect(stored.map((response) => response.status)).toEqual(['in-progress']);
    expect(JSON.stringify(stored)).not.toMatch(/weight|last-checkup|javascript/);
    await expectNoAxeViolations(container);
  });

  it('saves in-progress once and then updates it with If-Match, and picks it up again on the next visit', async () => {
    const { emulator, patientId } = await setUp();
    const sent = requests();
    const user = userEvent.setup();
    const first = renderWithClient(<IntakeForm patientId={patientId} autosaveDelay={50} />);
    await ready();

    await user.type(textbox(/main reason/), 'Headache');
    expect(await screen.findByText(/^Saved at/)).toBeVisible();
    await user.type(textbox(/pain level/), '6');
    await waitFor(() => expect(sent.list()).toHaveLength(2));
    await screen.findByText(/^Saved at/);
    expect(sent.list()).toEqual([
      { method: 'POST', ifMatch: null },
      { method: 'PATCH', ifMatch: expect.stringMatching(/1/) },
    ]);
    const [draft] = await recordsOf<QuestionnaireResponse>(emulator, 'intakes', patientId);
    expect(draft).toMatchObject({ status: 'in-progress', questionnaire: DEFAULT_INTAKE_URL, meta: { versionId: '2' } });
    expect(draft?.item?.[0]?.item?.map((item) => item.answer?.[0])).toEqual([{ valueString: 'Headache' }, { valueInteger: 6 }]);
    await expectNoAxeViolations(first.container);
    first.unmount();

    const { container } = renderWithClient(<IntakeForm patientId={patientId} autosaveDelay={50} />);
    expect(await screen.findByText(/^Welcome back\. Your answers from .* are filled in\.$/)).toBeVisible();
    expect(textbox(/main reason/)).toHaveValue('Headache');
    expect(textbox(/pain level/)).toHaveValue('6');
    await user.type(textbox(/main reason/), ' and nausea');
    await waitFor(() => expect(sent.list()).toHaveLength(3));
    expect(sent.list()[2]).toEqual({ method: 'PATCH', ifMatch: expect.stringMatching(/2/) });
    expect(await recordsOf(emulator, 'intakes', patientId)).toHaveLength(1);
    await expectNoAxeViolations(container);
  });

  it('after the draft was changed elsewhere, says it was not saved, and saves this screen’s answers on request', async () => {
    const { emulator, patientId } = await setUp();
    const user = userEvent.setup();
    const { container } = renderWithClient(<IntakeForm patientId={patientId} autosaveDelay={50} />);
    await ready();
    await user.type(textbox(/main reason/), 'Rash');
    await screen.findByText(/^Saved at/);
    const [draft] = await recordsOf<QuestionnaireResponse>(emulator, 'intakes', patientId);
    // The same patient, in another tab, saves something else.
    await emulator.handleProxyRequest(
      new Request(`http://localhost${TEST_PROXY_URL}/intakes/${draft?.id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          items: [{ linkId: 'visit', items: [{ linkId: 'chief-complaint', answer: [{ valueString: 'Other tab' }] }] }],
        }),
      }),
      TEST_PROXY_URL,
    );

    await user.type(textbox(/main reason/), ' on arms');
    const status = await screen.findByText(/could not be saved just now/);
    expect(status).toHaveTextContent('Your answers could not be saved just now.');
    await expectNoAxeViolations(container);
    await user.click(within(status).getByRole('button', { name: 'Save now' }));
    await screen.findByText(/^Saved at/);
    const [saved] = await recordsOf<QuestionnaireResponse>(emulator, 'intakes', patientId);
    expect(saved?.item?.[0]?.item?.[0]?.answer).toEqual([{ valueString: 'Rash on arms' }]);
  });

  it('submits every answer type as completed, with nested and repeating groups, replacing the draft', async () => {
    const { emulator, patientId } = await setUp();
    const onSuccess = vi.fn();
    const user = userEvent.setup();
    const { container } = renderWithClient(<IntakeForm patientId={patientId} autosaveDelay={50} onSuccess={onSuccess} />);
    await ready();

    await answerFirstPage(user);
    await user.type(within(form()).getByLabelText('When did it start?'), '2025-01-15T10:00');
    await user.type(within(form()).getByRole('combobox', { name: 'Where is the pain?' }), 'Back');
    await user.type(textbox(/Temperature/), '37.5');
    await user.click(button('Next'));

    await waitFor(() => expect(pageHeading('Your health')).toHaveFocus());
    await user.click(within(form()).getByRole('checkbox', { name: 'High blood pressure' }));
    await user.click(within(form()).getByRole('checkbox', { name: 'Asthma' }));
    await user.click(within(within(form()).getByRole('radiogroup', { name: /allergies\?/ })).getByRole('radio', { name: 'Yes' }));
    await user.type(textbox(/allergic to\? \(1\)/), 'Penicillin');
    await user.click(button('Add another answer'));
    await user.type(textbox(/allergic to\? \(2\)/), 'Latex');
    await user.type(textbox('Medicine'), 'Metformin');
    await user.type(textbox('Dose'), '500');
    await user.type(within(form()).getByLabelText('Taking it since'), '2020-03-01');
    await user.click(button('Add another: Medicines you take'));
    const second = within(form()).getByRole('group', { name: 'Medicines you take (2)' });
    await user.type(within(second).getByRole('textbox', { name: 'Medicine' }), 'Salbutamol');
    await user.type(within(second).getByRole('textbox', { name: 'Dose' }), '100');
    await user.selectOptions(within(second).getByRole('combobox', { name: 'Unit' }), 'mcg');
    await user.click(within(within(form()).getByRole('radiogroup', { name: 'Do you smoke?' })).getByRole('radio', { name: 'I used to' }));
    await user.click(button('Next'));

    await waitFor(() => expect(pageHeading('About you')).toHaveFocus());
    await user.type(textbox('Weight'), '72.5');
    await user.type(within(form()).getByLabelText('Date of your last check-up'), '2024-11-02');
    await user.type(within(form()).getByLabelText('Best time to call you'), '14:30');
    await user.type(textbox('A link to records you want to share'), 'https://records.example.org/amara');
    await user.type(textbox('Anything else we should know?'), 'Prefers mornings.');
    await user.click(button('Submit answers'));

    expect(await screen.findByRole('heading', { name: 'Thank you' })).toHaveFocus();
    expect(onSuccess).toHaveBeenCalledWith(expect.objectContaining({ resourceType: 'QuestionnaireResponse', status: 'completed' }));
    const stored = await recordsOf<QuestionnaireResponse>(emulator, 'intakes', patientId);
    expect(stored).toHaveLength(1);
    const answers = (linkId: string) => {
      const find = (items: QuestionnaireResponse['item']): unknown[] =>
        (items ?? []).flatMap((item) => (item.linkId === linkId ? [item.answer] : find(item.item)));
      return find(stored[0]?.item);
    };
    expect(stored[0]?.status).toBe('completed');
    expect(answers('chief-complaint')).toEqual([[{ valueString: 'Annual physical exam' }]]);
    expect(answers('symptom-start')).toEqual([[{ valueDateTime: expect.stringMatching(/^2025-01-15T10:00:00(Z|[+-]\d\d:\d\d)$/) }]]);
    expect(answers('pain-level')).toEqual([[{ valueInteger: 3 }]]);
    expect(answers('pain-site')).toEqual([[{ valueCoding: { system: 'http://snomed.info/sct', code: '77568009', display: 'Back' } }]]);
    expect(answers('temperature')).toEqual([[{ valueDecimal: 37.5 }]]);
    expect(answers('conditions')).toEqual([
      [
        expect.objectContaining({ valueCoding: expect.objectContaining({ code: '38341003' }) }),
        expect.objectContaining({ valueCoding: expect.objectContaining({ code: '195967001' }) }),
      ],
    ]);
    expect(answers('has-allergies')).toEqual([[{ valueBoolean: true }]]);
    expect(answers('allergies')).toEqual([[{ valueString: 'Penicillin' }, { valueString: 'Latex' }]]);
    expect(answers('medication-dose')).toEqual([
      [{ valueQuantity: { value: 500, unit: 'mg', system: 'http://unitsofmeasure.org', code: 'mg' } }],
      [{ valueQuantity: { value: 100, unit: 'mcg', system: 'http://unitsofmeasure.org', code: 'ug' } }],
    ]);
    expect(answers('medication-started')).toEqual([[{ valueDate: '2020-03-01' }]]);
    expect(answers('smoking')).toEqual([[{ valueCoding: expect.objectContaining({ code: '8517006' }) }]]);
    expect(answers('weight')).toEqual([[{ valueQuantity: expect.objectContaining({ value: 72.5, code: 'kg' }) }]]);
    expect(answers('last-checkup')).toEqual([[{ valueDate: '2024-11-02' }]]);
    expect(answers('preferred-time')).toEqual([[{ valueTime: '14:30:00' }]]);
    expect(answers('documents')).toEqual([[{ valueUri: 'https://records.example.org/amara' }]]);
    expect(answers('notes')).toEqual([[{ valueString: 'Prefers mornings.' }]]);
    await expectNoAxeViolations(container);
  });

  it('keeps the answers when sending fails, and sends once on retry', async () => {
    const { emulator, patientId } = await setUp();
    mswServer.use(failing('POST', 'intakes', { times: 1 }));
    const onError = vi.fn();
    const questionnaire: Questionnaire = {
      resourceType: 'Questionnaire',
      id: 'short',
      title: 'Patient intake',
      item: [{ linkId: 'reason', type: 'string', text: 'Reason', required: true }],
    };
    const user = userEvent.setup();
    const { container } = renderWithClient(
      <IntakeForm
        patientId={patientId}
        questionnaire={questionnaire}
        autosaveDelay={0}
        onError={onError}
        basedOn={['ServiceRequest/sr-1']}
      />,
    );
    await ready();
    await user.click(button('Submit answers'));
    expect(await within(form()).findByRole('alert')).toHaveTextContent('One answer needs attention before sending.');
    expect(textbox(/Reason/)).toHaveFocus();
    await user.type(textbox(/Reason/), 'Flu shot');
    await user.click(button('Submit answers'));

    const alert = await within(form()).findByRole('alert');
    expect(alert).toHaveTextContent('Your answers were not sent. Something went wrong on the server.');
    expect(textbox(/Reason/)).toHaveValue('Flu shot');
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ status: 500 }));
    await expectNoAxeViolations(container);

    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: 'Thank you' })).toBeVisible();
    const stored = await recordsOf<QuestionnaireResponse>(emulator, 'intakes', patientId);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      status: 'completed',
      questionnaire: 'Questionnaire/short',
      basedOn: [{ reference: 'ServiceRequest/sr-1' }],
    });
  });

  it('shows a stored link that is no web address as text, never as a link, and will not send it', async () => {
    const { emulator, patientId } = await setUp();
    const questionnaire: Questionnaire = {
      resourceType: 'Questionnaire',
      id: 'links',
      title: 'Patient intake',
      item: [{ linkId: 'website', type: 'url', text: 'Personal health record link' }],
    };
    const placeholder = 'https://placeholder.example/record';
    const script = 'javascript:alert(document.cookie)';
    await createRecord(emulator, 'intakes', {
      patientId,
      status: 'in-progress',
      questionnaire: 'Questionnaire/links',
      items: [{ linkId: 'website', answer: [{ valueUri: placeholder }] }],
    });
    // The API refuses such a link now; one stored before it did (or by another client) still comes back.
    mswServer.use(
      http.get(`${TEST_PROXY_URL}/intakes`, async ({ request }) => {
        const stored = await emulator.handleProxyRequest(request, TEST_PROXY_URL);
        return new HttpResponse((await stored.text()).replaceAll(placeholder, script), { status: stored.status, headers: stored.headers });
      }),
    );
    const sent = requests();
    const user = userEvent.setup();
    const { container } = renderWithClient(<IntakeForm patientId={patientId} questionnaire={questionnaire} autosaveDelay={0} />);
    await screen.findByText(/^Welcome back/);

    expect(textbox('Personal health record link')).toHaveValue(script);
    expect(screen.queryAllByRole('link')).toEqual([]);
    await user.click(button('Submit answers'));
    expect(await within(form()).findByRole('alert')).toHaveTextContent('One answer needs attention before sending.');
    expect(textbox('Personal health record link')).toHaveAccessibleDescription('Enter a full web address, such as https://example.org');
    expect(sent.list()).toEqual([]);
    await expectNoAxeViolations(container);
  });

  it('can be operated with the keyboard alone', async () => {
    const { emulator, patientId } = await setUp();
    const questionnaire: Questionnaire = {
      resourceType: 'Questionnaire',
      url: 'https://example.org/Questionnaire/covid',
      title: 'Patient intake',
      item: [
        { linkId: 'fever', type: 'boolean', text: 'Any fever?', required: true },
        { linkId: 'contacts', type: 'string', text: 'Recent contacts', repeats: true },
        {
          linkId: 'vaccine',
          type: 'choice',
          text: 'Vaccine',
          answerOption: [{ valueCoding: { code: 'a', display: 'Type A' } }, { valueCoding: { code: 'b', display: 'Type B' } }],
        },
      ],
    };
    const user = userEvent.setup();
    const { container } = renderWithClient(<IntakeForm patientId={patientId} questionnaire={questionnaire} autosaveDelay={0} />);
    await screen.findByRole('form', { name: 'Patient intake' });

    await user.tab(); // "Yes"
    expect(within(form()).getByRole('radio', { name: 'Yes' })).toHaveFocus();
    await user.keyboard('{ArrowRight}'); // "No"
    expect(within(form()).getByRole('radio', { name: 'No' })).toBeChecked();
    await user.tab(); // the first contact
    await user.keyboard('Jo');
    await user.tab(); // "Add another answer"
    await user.keyboard('{Enter}'); // adds a box, and moves into it
    expect(textbox(/Recent contacts \(2\)/)).toHaveFocus();
    await user.keyboard('Sam');
    await user.tab(); // "Remove answer 2"
    await user.tab(); // "Add another answer"
    await user.tab(); // vaccine: "Type A"
    await user.keyboard('{ArrowRight}');
    expect(within(form()).getByRole('radio', { name: 'Type B' })).toBeChecked();
    await user.tab(); // "Submit answers"
    expect(button('Submit answers')).toHaveFocus();
    await user.keyboard('{Enter}');

    expect(await screen.findByRole('heading', { name: 'Thank you' })).toHaveFocus();
    const [stored] = await recordsOf<QuestionnaireResponse>(emulator, 'intakes', patientId);
    expect(stored?.item).toEqual([
      { linkId: 'fever', text: 'Any fever?', answer: [{ valueBoolean: false }] },
      { linkId: 'contacts', text: 'Recent contacts', answer: [{ valueString: 'Jo' }, { valueString: 'Sam' }] },
      { linkId: 'vaccine', text: 'Vaccine', answer: [{ valueCoding: { code: 'b', display: 'Type B' } }] },
    ]);
    await expectNoAxeViolations(container);
  });

  it('works on its own with proxyUrl, and starts afresh when told not to resume', async () => {
    const { emulator, patientId } = await setUp();
    await createRecord(emulator, 'intakes', {
      patientId,
      status: 'in-progress',
      questionnaire: DEFAULT_INTAKE_URL,
      items: [{ linkId: 'visit', items: [{ linkId: 'chief-complaint', answer: [{ valueString: 'Back pain' }] }] }],
    });
    const { container, unmount } = render(<IntakeForm proxyUrl={TEST_PROXY_URL} patientId={patientId} />);
    await waitFor(() => expect(textbox(/main reason/)).toHaveValue('Back pain'));
    await expectNoAxeViolations(container);
    unmount();

    render(<IntakeForm proxyUrl={TEST_PROXY_URL} patientId={patientId} resume={false} />);
    expect(
      await within(await screen.findByRole('form', { name: 'Patient intake' })).findByRole('textbox', { name: /main reason/ }),
    ).toHaveValue('');
  });

  it('takes the app’s wording, classes per part, a theme, and drops its styles when unstyled', async () => {
    const { patientId } = await setUp();
    const { container } = renderWithClient(
      <IntakeForm patientId={patientId} theme="dark" unstyled className="mine" classNames={{ form: 'my-form' }} />,
      { provider: { messages: { intakeForm: { next: 'Continue' }, intakeQuestionnaire: { title: 'Before your visit' } } } as never },
    );
    const root = screen.getByRole('region', { name: 'Before your visit' });
    expect(root).toHaveClass('mine');
    expect(root).not.toHaveClass('ck-root');
    expect(root).toHaveAttribute('data-theme', 'dark');
    const intake = await screen.findByRole('form', { name: 'Before your visit' });
    expect(intake).toHaveClass('my-form');
    expect(within(intake).getByRole('button', { name: 'Continue' })).toBeVisible();
    await expectNoAxeViolations(container);
  });
});

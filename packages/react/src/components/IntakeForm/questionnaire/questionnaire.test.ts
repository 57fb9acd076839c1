import { describe, expect, it } from 'vitest';
import { defaultIntakeQuestionnaire, intakeQuestionnaireMessages } from '../default-questionnaire.ts';
import { analyse, responseItems } from './analysis.ts';
import { conditionHolds } from './enable-when.ts';
import {
  initialQuestionnaireState,
  questionnaireReducer,
  type QuestionnaireItemState,
  type QuestionnaireAction,
  type QuestionnaireState,
} from './state.ts';
import type { Questionnaire } from './types.ts';
import { dateTimeToLocal, localToDateTime, optionKey, readAnswer } from './values.ts';

const intake = defaultIntakeQuestionnaire(intakeQuestionnaireMessages);

/** Runs actions through the reducer, as the hook would. */
function run(questionnaire: Questionnaire, state: QuestionnaireState, ...actions: QuestionnaireAction[]): QuestionnaireState {
  const reduce = questionnaireReducer(questionnaire);
  return actions.reduce(reduce, state);
}

/** The first instance with `linkId`, anywhere. */
function find(items: readonly QuestionnaireItemState[], linkId: string): QuestionnaireItemState {
  for (const node of items) {
    if (node.linkId === linkId) return node;
    const found = find(node.items, linkId) as QuestionnaireItemState | undefined;
    if (found) return found;
  }
  return undefined as unknown as QuestionnaireItemState;
}

const answer = (state: QuestionnaireState, linkId: string, value: string | boolean, index = 0): QuestionnaireAction => ({
  type: 'answer',
  key: find(state.items, linkId).key,
  index,
  value,
});

describe('the questionnaire state machine', () => {
  it('starts with one empty answer per question, initial values, and three pages', () => {
    const state = initialQuestionnaireState(intake);
    expect(find(state.items, 'chief-complaint').answers).toEqual(['']);
    expect(find(state.items, 'has-allergies').answers).toEqual([undefined]);
    expect(find(state.items, 'conditions').answers).toEqual([]);
    expect(find(state.items, 'weight').answers).toEqual([{ value: '', unit: 'http://unitsofmeasure.org|kg' }]);
    const analysis = analyse(intake, state);
    expect(analysis.paged).toBe(true);
    expect(analysis.visiblePages).toEqual([0, 1, 2]);
    expect(analysis.pages.map((nodes) => nodes.map((node) => node.linkId))).toEqual([['visit'], ['history'], ['about-you']]);
  });

  it('enables questions by the answers they depend on, including per instance of a repeating group', () => {
    let state = initialQuestionnaireState(intake);
    const enabled = (linkId: string, from = state) => analyse(intake, from).isEnabled(find(from.items, linkId).key);
    expect(enabled('pain-site')).toBe(false);
    state = run(intake, state, answer(state, 'pain-level', '4'));
    expect(enabled('pain-site')).toBe(true);
    state = run(intake, state, answer(state, 'pain-level', '0'));
    expect(enabled('pain-site')).toBe(false);

    expect(enabled('allergies')).toBe(false);
    state = run(intake, state, answer(state, 'has-allergies', true));
    expect(enabled('allergies')).toBe(true);

    // Two medicines: the second has no name, so its dose is not asked.
    state = run(intake, state, { type: 'addGroup', key: find(state.items, 'medications').key });
    const [first, second] = find(state.items, 'history').items.filter((node) => node.linkId === 'medications') as [
      QuestionnaireItemState,
      QuestionnaireItemState,
    ];
    state = run(intake, state, { type: 'answer', key: find(first.items, 'medication-name').key, index: 0, value: 'Metformin' });
    const analysis = analyse(intake, state);
    expect(analysis.isEnabled(find(first.items, 'medication-dose').key)).toBe(true);
    expect(analysis.isEnabled(find(second.items, 'medication-dose').key)).toBe(false);
  });

  it('finds what is missing or wrong, on the page it is on', () => {
    let state = initialQuestionnaireState(intake);
    const issues = (from: QuestionnaireState) =>
      analyse(intake, from).issues.map((issue) => ({
        page: issue.page,
        code: issue.code,
        limit: issue.limit,
        min: issue.min,
        max: issue.max,
      }));
    expect(issues(state)).toEqual([
      { page: 0, code: 'required', limit: undefined, min: undefined, max: undefined },
      { page: 0, code: 'required', limit: undefined, min: undefined, max: undefined },
      { page: 1, code: 'required', limit: undefined, min: undefined, max: undefined },
    ]);
    state = run(
      intake,
      state,
      answer(state, 'chief-complaint', 'Cough'),
      answer(state, 'pain-level', '11'),
      answer(state, 'temperature', '37,5'),
      answer(state, 'has-allergies', true),
      answer(state, 'documents', 'not a link'),
    );
    expect(issues(state)).toEqual([
      { page: 0, code: 'range', limit: undefined, min: 0, max: 10 },
      // Enabled by the allergy answer, and required.
      { page: 1, code: 'required', limit: undefined, min: undefined, max: undefined },
      { page: 2, code: 'url', limit: undefined, min: undefined, max: undefined },
    ]);
  });

  it('adds and removes answers and group entries, always keeping one', () => {
    let state = initialQuestionnaireState(intake);
    const allergies = find(state.items, 'allergies').key;
    state = run(intake, state, { type: 'addAnswer', key: allergies }, { type: 'answer', key: allergies, index: 1, value: 'Latex' });
    expect(find(state.items, 'allergies').answers).toEqual(['', 'Latex']);
    state = run(intake, state, { type: 'removeAnswer', key: allergies, index: 0 }, { type: 'removeAnswer', key: allergies, index: 0 });
    expect(find(state.items, 'allergies').answers).toEqual(['']);

    const medications = find(state.items, 'medications').key;
    state = run(intake, state, { type: 'addGroup', key: medications }, { type: 'addGroup', key: medications });
    const instances = () => find(state.items, 'history').items.filter((node) => node.linkId === 'medications');
    expect(instances()).toHaveLength(3);
    expect(new Set(instances().map((node) => node.key)).size).toBe(3);
    for (const node of instances()) state = run(intake, state, { type: 'removeGroup', key: node.key });
    expect(instances()).toHaveLength(1);
    // A group that does not repeat gets no second entry.
    expect(run(intake, state, { type: 'addGroup', key: find(state.items, 'visit').key })).toBe(state);
    // Eight changes; refusing to remove the last entry changed nothing, so autosave has nothing new to save.
    expect(state.revision).toBe(8);
  });

  it('builds the response: enabled, valid answers only, nested in their groups, with where each came from', () => {
    let state = initialQuestionnaireState(intake);
    const medications = find(state.items, 'medications').key;
    state = run(intake, state, answer(state, 'chief-complaint', ' Annual physical exam '), answer(state, 'pain-level', '3'), {
      type: 'addGroup',
      key: medications,
    });
    const [first, second] = find(state.items, 'history').items.filter((node) => node.linkId === 'medications') as [
      QuestionnaireItemState,
      QuestionnaireItemState,
    ];
    state = run(
      intake,
      state,
      { type: 'answer', key: find(first.items, 'medication-name').key, index: 0, value: 'Metformin' },
      {
        type: 'answer',
        key: find(first.items, 'medication-dose').key,
        index: 0,
        value: { value: '500', unit: 'http://unitsofmeasure.org|mg' },
      },
      { type: 'answer', key: find(second.items, 'medication-name').key, index: 0, value: 'Salbutamol' },
      { type: 'answers', key: find(state.items, 'conditions').key, values: [`c:http://snomed.info/sct|38341003`] },
      answer(state, 'temperature', 'hot'),
      answer(state, 'pain-site', 'Knee'),
    );
    const { items, paths } = responseItems(analyse(intake, state), state.items);
    expect(items).toEqual([
      {
        linkId: 'visit',
        text: 'About your visit',
        items: [
          { linkId: 'chief-complaint', text: 'What is the main reason for your visit?', answer: [{ valueString: 'Annual physical exam' }] },
          { linkId: 'pain-level', text: 'Current pain level (0–10)', answer: [{ valueInteger: 3 }] },
          { linkId: 'pain-site', text: 'Where is the pain?', answer: [{ valueString: 'Knee' }] },
        ],
      },
      {
        linkId: 'history',
        text: 'Your health',
        items: [
          {
            linkId: 'conditions',
            text: expect.any(String),
            answer: [{ valueCoding: { system: 'http://snomed.info/sct', code: '38341003', display: 'High blood pressure' } }],
          },
          {
            linkId: 'medications',
            text: 'Medicines you take',
            items: [
              { linkId: 'medication-name', text: 'Medicine', answer: [{ valueString: 'Metformin' }] },
              {
                linkId: 'medication-dose',
                text: 'Dose',
                answer: [{ valueQuantity: { value: 500, unit: 'mg', system: 'http://unitsofmeasure.org', code: 'mg' } }],
              },
            ],
          },
          {
            linkId: 'medications',
            text: 'Medicines you take',
            items: [{ linkId: 'medication-name', text: 'Medicine', answer: [{ valueString: 'Salbutamol' }] }],
          },
        ],
      },
    ]);
    expect(paths.get('items.1.items.1.items.1.answer.0')).toEqual({ key: find(first.items, 'medication-dose').key, index: 0 });
  });

  it('resumes from a saved response, repeating groups and all', () => {
    const saved = [
      {
        linkId: 'visit',
        item: [
          { linkId: 'pain-level', answer: [{ valueInteger: 2 }] },
          { linkId: 'pain-site', answer: [{ valueCoding: { system: 'http://snomed.info/sct', code: '77568009' } }] },
        ],
      },
      {
        linkId: 'history',
        item: [
          {
            linkId: 'conditions',
            answer: [
              { valueCoding: { system: 'http://snomed.info/sct', code: '73211009' } },
              { valueCoding: { system: 'http://snomed.info/sct', code: '195967001' } },
            ],
          },
          { linkId: 'medications', item: [{ linkId: 'medication-name', answer: [{ valueString: 'A' }] }] },
          {
            linkId: 'medications',
            item: [
              { linkId: 'medication-name', answer: [{ valueString: 'B' }] },
              { linkId: 'medication-dose', answer: [{ valueQuantity: { value: 5, unit: 'mL', code: 'mL' } }] },
            ],
          },
          { linkId: 'no-longer-asked', answer: [{ valueString: 'x' }] },
        ],
      },
    ];
    const state = initialQuestionnaireState(intake, saved);
    expect(find(state.items, 'pain-level').answers).toEqual(['2']);
    expect(find(state.items, 'pain-site').answers).toEqual(['Back']);
    expect(find(state.items, 'chief-complaint').answers).toEqual(['']);
    expect(find(state.items, 'conditions').answers).toEqual(['c:http://snomed.info/sct|73211009', 'c:http://snomed.info/sct|195967001']);
    const medications = find(state.items, 'history').items.filter((node) => node.linkId === 'medications');
    expect(medications.map((node) => find(node.items, 'medication-name').answers)).toEqual([['A'], ['B']]);
    expect(find(medications[1]?.items ?? [], 'medication-dose').answers).toEqual([{ value: '5', unit: 'http://unitsofmeasure.org|mL' }]);
  });

  it('skips a page whose items are all disabled', () => {
    const questionnaire: Questionnaire = {
      resourceType: 'Questionnaire',
      item: [
        { linkId: 'p1', type: 'group', extension: intake.item?.[0]?.extension ?? [], item: [{ linkId: 'pregnant', type: 'boolean' }] },
        {
          linkId: 'p2',
          type: 'group',
          extension: intake.item?.[0]?.extension ?? [],
          enableWhen: [{ question: 'pregnant', operator: '=', answerBoolean: true }],
          item: [{ linkId: 'weeks', type: 'integer', required: true }],
        },
        { linkId: 'p3', type: 'group', extension: intake.item?.[0]?.extension ?? [], item: [{ linkId: 'notes', type: 'text' }] },
      ],
    };
    let state = initialQuestionnaireState(questionnaire);
    expect(analyse(questionnaire, state).visiblePages).toEqual([0, 2]);
    expect(analyse(questionnaire, state).issues).toEqual([]);
    state = run(questionnaire, state, answer(state, 'pregnant', true));
    expect(analyse(questionnaire, state).visiblePages).toEqual([0, 1, 2]);
    expect(analyse(questionnaire, state).issues).toMatchObject([{ code: 'required', page: 1 }]);
  });
});

describe('answers', () => {
  const item = (type: 'integer' | 'decimal' | 'time' | 'date' | 'url' | 'dateTime') => ({ linkId: 'x', type });

  it('reads typed text as typed values, or says what is wrong', () => {
    expect(readAnswer(item('integer'), ' 42 ')).toEqual({ answer: { valueInteger: 42 } });
    expect(readAnswer(item('integer'), '4.2')).toEqual({ problem: { code: 'integer' } });
    expect(readAnswer(item('decimal'), '36,6')).toEqual({ answer: { valueDecimal: 36.6 } });
    expect(readAnswer(item('time'), '14:30')).toEqual({ answer: { valueTime: '14:30:00' } });
    expect(readAnswer(item('date'), '2025-02-30')).toEqual({ problem: { code: 'date' } });
    expect(readAnswer(item('url'), 'https://example.org/x')).toEqual({ answer: { valueUri: 'https://example.org/x' } });
    expect(readAnswer(item('url'), '   ')).toEqual({ blank: true });
    // Only web addresses: anything else could run code for whoever later follows the link.
    for (const link of ['javascript:alert(1)', 'data:text/html,x', 'mailto:a@example.org', 'urn:uuid:1']) {
      expect(readAnswer(item('url'), link)).toEqual({ problem: { code: 'url' } });
    }
    expect(readAnswer({ linkId: 'x', type: 'choice', answerOption: [{ valueString: 'a' }] }, 's:b')).toEqual({
      problem: { code: 'option' },
    });
    expect(optionKey({ valueInteger: 3 })).toBe('i:3');
  });

  it('gives a date and time on this device’s clock its time zone, and reads it back', () => {
    const stored = localToDateTime('2025-01-15T10:00');
    expect(stored).toMatch(/^2025-01-15T10:00:00(Z|[+-]\d{2}:\d{2})$/);
    expect(new Date(stored as string).getHours()).toBe(10);
    expect(dateTimeToLocal(stored as string)).toBe('2025-01-15T10:00');
    expect(readAnswer(item('dateTime'), '2025-13-01T10:00')).toEqual({ problem: { code: 'dateTime' } });
  });

  it('compares answers with enableWhen conditions by their type', () => {
    expect(conditionHolds([{ valueInteger: 3 }], { question: 'q', operator: '>', answerInteger: 0 })).toBe(true);
    expect(conditionHolds([{ valueDecimal: 37.9 }], { question: 'q', operator: '>=', answerDecimal: 38 })).toBe(false);
    expect(conditionHolds([], { question: 'q', operator: '!=', answerBoolean: true })).toBe(false);
    expect(conditionHolds([], { question: 'q', operator: 'exists', answerBoolean: false })).toBe(true);
    expect(conditionHolds([{ valueDate: '2025-01-02' }], { question: 'q', operator: '<', answerDate: '2025-02-01' })).toBe(true);
    expect(conditionHolds([{ valueTime: '09:30:00' }], { question: 'q', operator: '<=', answerTime: '09:30' })).toBe(true);
    expect(
      conditionHolds([{ valueCoding: { system: 'http://snomed.info/sct', code: '1' } }, { valueCoding: { code: '2' } }], {
        question: 'q',
        operator: '=',
        answerCoding: { system: 'http://snomed.info/sct', code: '2' },
      }),
    ).toBe(true);
    expect(conditionHolds([{ valueCoding: { code: '1' } }], { question: 'q', operator: '!=', answerCoding: { code: '2' } })).toBe(true);
    expect(
      conditionHolds([{ valueQuantity: { value: 80, code: 'kg' } }], {
        question: 'q',
        operator: '>',
        answerQuantity: { value: 70, code: 'kg' },
      }),
    ).toBe(true);
    expect(
      conditionHolds([{ valueQuantity: { value: 80, code: '[lb_av]' } }], {
        question: 'q',
        operator: '>',
        answerQuantity: { value: 70, code: 'kg' },
      }),
    ).toBe(false);
    expect(conditionHolds([{ valueString: 'b' }], { question: 'q', operator: '=', answerString: 'b' })).toBe(true);
  });

  it('treats a condition that depends on itself as not met', () => {
    const questionnaire: Questionnaire = {
      resourceType: 'Questionnaire',
      item: [
        { linkId: 'a', type: 'boolean', enableWhen: [{ question: 'b', operator: 'exists', answerBoolean: true }] },
        { linkId: 'b', type: 'boolean', enableWhen: [{ question: 'a', operator: 'exists', answerBoolean: true }] },
      ],
    };
    const state = initialQuestionnaireState(questionnaire);
    const analysis = analyse(questionnaire, state);
    expect(state.items.map((node) => analysis.isEnabled(node.key))).toEqual([false, false]);
  });
});

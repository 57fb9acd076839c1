/**
 * The intake questionnaire used when the app passes none: three pages a front desk would recognise, using every
 * answer type the API takes. Its wording comes from the `intakeQuestionnaire` messages so it can be translated like the
 * rest of the widget; codes are SNOMED CT and UCUM. Its plausible answers (a weight of 0.5–500 kg, a check-up not in
 * the future…) are `@clinikapi/core`'s `PATIENT_INTAKE_RULES`, carried in the items as SDC bounds: the form checks
 * what the API checks.
 */
import { PATIENT_INTAKE_RULES, PATIENT_INTAKE_URL } from '@clinikapi/core';
import type { Questionnaire, QuestionnaireCoding, QuestionnaireExtension, QuestionnaireItem } from './questionnaire/types.ts';
import { QUESTIONNAIRE_EXTENSIONS } from './questionnaire/types.ts';

export const intakeQuestionnaireMessages = {
  title: 'Patient intake',
  visitPage: 'About your visit',
  chiefComplaint: 'What is the main reason for your visit?',
  symptomStart: 'When did it start?',
  painLevel: 'Current pain level (0–10)',
  painLevelFormat: '0 is no pain, 10 the worst imaginable',
  painSite: 'Where is the pain?',
  siteHead: 'Head',
  siteChest: 'Chest',
  siteAbdomen: 'Abdomen',
  siteBack: 'Back',
  siteLimbs: 'Arms or legs',
  temperature: 'Temperature today, if you measured it (°C)',
  historyPage: 'Your health',
  conditions: 'Have you been told you have any of these?',
  diabetes: 'Diabetes',
  hypertension: 'High blood pressure',
  asthma: 'Asthma',
  heartDisease: 'Heart disease',
  hasAllergies: 'Do you have any allergies?',
  allergies: 'What are you allergic to?',
  medications: 'Medicines you take',
  medicationName: 'Medicine',
  medicationDose: 'Dose',
  medicationStarted: 'Taking it since',
  smoking: 'Do you smoke?',
  smokingNever: 'Never',
  smokingFormer: 'I used to',
  smokingCurrent: 'Yes',
  youPage: 'About you',
  weight: 'Weight',
  lastCheckup: 'Date of your last check-up',
  preferredTime: 'Best time to call you',
  documents: 'A link to records you want to share',
  notes: 'Anything else we should know?',
};

export type IntakeQuestionnaireMessages = typeof intakeQuestionnaireMessages;

declare module '../../i18n/widget-messages.ts' {
  interface WidgetMessageCatalogue {
    intakeQuestionnaire: IntakeQuestionnaireMessages;
  }
}

/** The canonical URL the default questionnaire's responses name, and by which a saved draft is found again. */
export const DEFAULT_INTAKE_URL = PATIENT_INTAKE_URL;

const SNOMED = 'http://snomed.info/sct';
const UCUM = 'http://unitsofmeasure.org';

const page = {
  url: QUESTIONNAIRE_EXTENSIONS.itemControl,
  valueCodeableConcept: { coding: [{ system: 'http://hl7.org/fhir/questionnaire-item-control', code: 'page' }] },
};
const units = (...codings: QuestionnaireCoding[]) =>
  codings.map((valueCoding) => ({ url: QUESTIONNAIRE_EXTENSIONS.unitOption, valueCoding }));
const snomed = (code: string, display: string) => ({ valueCoding: { system: SNOMED, code, display } });

/** The SDC bounds of question `linkId`'s rule: `minValue`/`maxValue`, and "not after today" for dates. */
function bounds(linkId: string, type: 'integer' | 'decimal' | 'date' | 'dateTime'): QuestionnaireExtension[] {
  const rule = PATIENT_INTAKE_RULES[linkId];
  if (!rule) return [];
  if (type === 'date' || type === 'dateTime') {
    if (!rule.notInFuture) return [];
    const today = {
      extension: [
        {
          url: QUESTIONNAIRE_EXTENSIONS.calculatedValue,
          valueExpression: { language: 'text/fhirpath', expression: type === 'date' ? 'today()' : 'now()' },
        },
      ],
    };
    return [{ url: QUESTIONNAIRE_EXTENSIONS.maxValue, ...(type === 'date' ? { _valueDate: today } : { _valueDateTime: today }) }];
  }
  const value = (bound: number) => (type === 'integer' ? { valueInteger: bound } : { valueDecimal: bound });
  return [
    ...(rule.min === undefined ? [] : [{ url: QUESTIONNAIRE_EXTENSIONS.minValue, ...value(rule.min) }]),
    ...(rule.max === undefined ? [] : [{ url: QUESTIONNAIRE_EXTENSIONS.maxValue, ...value(rule.max) }]),
  ];
}

/** The one unit a rule's range is in, as the question's only unit option. */
function ruleUnit(linkId: string): QuestionnaireExtension[] {
  const unit = PATIENT_INTAKE_RULES[linkId]?.unit;
  return unit ? units({ system: UCUM, code: unit.code, display: unit.display }) : [];
}

/** The default intake questionnaire, worded with `messages`. */
export function defaultIntakeQuestionnaire(messages: IntakeQuestionnaireMessages): Questionnaire {
  const visit: QuestionnaireItem = {
    linkId: 'visit',
    type: 'group',
    text: messages.visitPage,
    extension: [page],
    item: [
      { linkId: 'chief-complaint', type: 'string', text: messages.chiefComplaint, required: true, maxLength: 500 },
      { linkId: 'symptom-start', type: 'dateTime', text: messages.symptomStart, extension: bounds('symptom-start', 'dateTime') },
      {
        linkId: 'pain-level',
        type: 'integer',
        text: messages.painLevel,
        required: true,
        extension: [
          ...bounds('pain-level', 'integer'),
          { url: QUESTIONNAIRE_EXTENSIONS.entryFormat, valueString: messages.painLevelFormat },
        ],
      },
      {
        linkId: 'pain-site',
        type: 'open-choice',
        text: messages.painSite,
        enableWhen: [{ question: 'pain-level', operator: '>', answerInteger: 0 }],
        answerOption: [
          snomed('69536005', messages.siteHead),
          snomed('51185008', messages.siteChest),
          snomed('818983003', messages.siteAbdomen),
          snomed('77568009', messages.siteBack),
          snomed('66019005', messages.siteLimbs),
        ],
      },
      {
        linkId: 'temperature',
        type: 'decimal',
        text: messages.temperature,
        extension: bounds('temperature', 'decimal'),
      },
    ],
  };
  const history: QuestionnaireItem = {
    linkId: 'history',
    type: 'group',
    text: messages.historyPage,
    extension: [page],
    item: [
      {
        linkId: 'conditions',
        type: 'choice',
        text: messages.conditions,
        repeats: true,
        answerOption: [
          snomed('73211009', messages.diabetes),
          snomed('38341003', messages.hypertension),
          snomed('195967001', messages.asthma),
          snomed('56265001', messages.heartDisease),
        ],
      },
      { linkId: 'has-allergies', type: 'boolean', text: messages.hasAllergies, required: true },
      {
        linkId: 'allergies',
        type: 'string',
        text: messages.allergies,
        repeats: true,
        required: true,
        enableWhen: [{ question: 'has-allergies', operator: '=', answerBoolean: true }],
      },
      {
        linkId: 'medications',
        type: 'group',
        text: messages.medications,
        repeats: true,
        item: [
          { linkId: 'medication-name', type: 'string', text: messages.medicationName },
          {
            linkId: 'medication-dose',
            type: 'quantity',
            text: messages.medicationDose,
            enableWhen: [{ question: 'medication-name', operator: 'exists', answerBoolean: true }],
            extension: [
              ...units(
                { system: UCUM, code: 'mg', display: 'mg' },
                { system: UCUM, code: 'ug', display: 'mcg' },
                { system: UCUM, code: 'mL', display: 'mL' },
              ),
              ...bounds('medication-dose', 'decimal'),
            ],
          },
          {
            linkId: 'medication-started',
            type: 'date',
            text: messages.medicationStarted,
            enableWhen: [{ question: 'medication-name', operator: 'exists', answerBoolean: true }],
            extension: bounds('medication-started', 'date'),
          },
        ],
      },
      {
        linkId: 'smoking',
        type: 'choice',
        text: messages.smoking,
        answerOption: [
          snomed('266919005', messages.smokingNever),
          snomed('8517006', messages.smokingFormer),
          snomed('77176002', messages.smokingCurrent),
        ],
      },
    ],
  };
  const you: QuestionnaireItem = {
    linkId: 'about-you',
    type: 'group',
    text: messages.youPage,
    extension: [page],
    item: [
      { linkId: 'weight', type: 'quantity', text: messages.weight, extension: [...ruleUnit('weight'), ...bounds('weight', 'decimal')] },
      { linkId: 'last-checkup', type: 'date', text: messages.lastCheckup, extension: bounds('last-checkup', 'date') },
      { linkId: 'preferred-time', type: 'time', text: messages.preferredTime },
      { linkId: 'documents', type: 'url', text: messages.documents },
      { linkId: 'notes', type: 'text', text: messages.notes, maxLength: 2000 },
    ],
  };
  return {
    resourceType: 'Questionnaire',
    url: DEFAULT_INTAKE_URL,
    version: '1',
    status: 'active',
    title: messages.title,
    item: [visit, history, you],
  };
}

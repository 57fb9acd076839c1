/**
 * The part of a FHIR R4 Questionnaire the intake form renders: item types, `required`, `repeats`, `readOnly`,
 * `maxLength`, `enableWhen`/`enableBehavior`, `answerOption`, `initial`, nested items, and the SDC extensions for
 * pages, choice controls, units, bounds and placeholders. A Questionnaire in FHIR JSON can be passed as it is.
 */

export interface QuestionnaireCoding {
  readonly system?: string;
  readonly code?: string;
  readonly display?: string;
}

export interface QuestionnaireQuantity {
  readonly value?: number;
  readonly unit?: string;
  readonly system?: string;
  readonly code?: string;
}

/** The item types the form renders; `attachment` and `reference` have no simplified intake answer, so none here. */
export type QuestionnaireItemType =
  | 'group'
  | 'display'
  | 'boolean'
  | 'decimal'
  | 'integer'
  | 'date'
  | 'dateTime'
  | 'time'
  | 'string'
  | 'text'
  | 'url'
  | 'choice'
  | 'open-choice'
  | 'quantity';

/** A value[x] as options, initial values and enableWhen answers carry it. */
export interface QuestionnaireValue {
  readonly valueBoolean?: boolean;
  readonly valueDecimal?: number;
  readonly valueInteger?: number;
  readonly valueDate?: string;
  readonly valueDateTime?: string;
  readonly valueTime?: string;
  readonly valueString?: string;
  readonly valueUri?: string;
  readonly valueCoding?: QuestionnaireCoding;
  readonly valueQuantity?: QuestionnaireQuantity;
}

export interface QuestionnaireAnswerOption extends Pick<
  QuestionnaireValue,
  'valueCoding' | 'valueString' | 'valueInteger' | 'valueDate' | 'valueTime'
> {
  readonly initialSelected?: boolean;
}

export type EnableWhenOperator = 'exists' | '=' | '!=' | '>' | '<' | '>=' | '<=';

export interface QuestionnaireEnableWhen {
  /** The linkId of the question whose answer decides. */
  readonly question: string;
  readonly operator: EnableWhenOperator;
  readonly answerBoolean?: boolean;
  readonly answerDecimal?: number;
  readonly answerInteger?: number;
  readonly answerDate?: string;
  readonly answerDateTime?: string;
  readonly answerTime?: string;
  readonly answerString?: string;
  readonly answerCoding?: QuestionnaireCoding;
  readonly answerQuantity?: QuestionnaireQuantity;
}

/** An expression whose value stands in for an element's (SDC `cqf-calculatedValue`): `today()` and `now()` here. */
export interface QuestionnaireCalculated {
  readonly extension?: readonly {
    readonly url: string;
    readonly valueExpression?: { readonly language?: string; readonly expression?: string };
  }[];
}

export interface QuestionnaireExtension extends QuestionnaireValue {
  readonly url: string;
  readonly valueCodeableConcept?: { readonly coding?: readonly QuestionnaireCoding[]; readonly text?: string };
  /** A `maxValue` of `today()`: `"_valueDate": { "extension": [{ "url": ".../cqf-calculatedValue", ... }] }`. */
  readonly _valueDate?: QuestionnaireCalculated;
  readonly _valueDateTime?: QuestionnaireCalculated;
}

export interface QuestionnaireItem {
  readonly linkId: string;
  readonly type: QuestionnaireItemType;
  readonly text?: string;
  /** "1.", "a)": shown before the text. */
  readonly prefix?: string;
  readonly definition?: string;
  readonly required?: boolean;
  readonly repeats?: boolean;
  readonly readOnly?: boolean;
  readonly maxLength?: number;
  readonly enableWhen?: readonly QuestionnaireEnableWhen[];
  /** How several `enableWhen` combine. Default `all`. */
  readonly enableBehavior?: 'all' | 'any';
  readonly answerOption?: readonly QuestionnaireAnswerOption[];
  readonly initial?: readonly QuestionnaireValue[];
  readonly extension?: readonly QuestionnaireExtension[];
  readonly item?: readonly QuestionnaireItem[];
}

export interface Questionnaire {
  readonly resourceType: 'Questionnaire';
  readonly id?: string;
  /** Its canonical URL: what a response's `questionnaire` names, and how a saved response is matched on resume. */
  readonly url?: string;
  readonly version?: string;
  readonly title?: string;
  readonly status?: string;
  readonly item?: readonly QuestionnaireItem[];
}

/** SDC and core extensions the form understands. */
export const QUESTIONNAIRE_EXTENSIONS = {
  itemControl: 'http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl',
  unitOption: 'http://hl7.org/fhir/StructureDefinition/questionnaire-unitOption',
  minValue: 'http://hl7.org/fhir/StructureDefinition/minValue',
  maxValue: 'http://hl7.org/fhir/StructureDefinition/maxValue',
  entryFormat: 'http://hl7.org/fhir/StructureDefinition/entryFormat',
  calculatedValue: 'http://hl7.org/fhir/StructureDefinition/cqf-calculatedValue',
} as const;

/** `maxValue` as today (`today()` or `now()`, SDC's calculated value): a date or date-time answer may not be later. */
export function latestIsNow(item: QuestionnaireItem): boolean {
  const extension = item.extension?.find((entry) => entry.url === QUESTIONNAIRE_EXTENSIONS.maxValue);
  const calculated = extension?._valueDate ?? extension?._valueDateTime;
  return (calculated?.extension ?? []).some(
    (entry) =>
      entry.url === QUESTIONNAIRE_EXTENSIONS.calculatedValue && /^(today|now)\(\)$/.test(entry.valueExpression?.expression?.trim() ?? ''),
  );
}

/** The item's `questionnaire-itemControl` code: `page`, `radio-button`, `check-box`, `drop-down`... */
export function itemControlOf(item: QuestionnaireItem): string | undefined {
  return item.extension?.find((extension) => extension.url === QUESTIONNAIRE_EXTENSIONS.itemControl)?.valueCodeableConcept?.coding?.[0]
    ?.code;
}

/** The units a quantity may be given in (`questionnaire-unitOption`). */
export function unitOptionsOf(item: QuestionnaireItem): readonly QuestionnaireCoding[] {
  return (item.extension ?? []).flatMap((extension) =>
    extension.url === QUESTIONNAIRE_EXTENSIONS.unitOption && extension.valueCoding ? [extension.valueCoding] : [],
  );
}

/** The item's `minValue`/`maxValue` bound, as a number. */
export function boundOf(item: QuestionnaireItem, which: 'minValue' | 'maxValue'): number | undefined {
  const extension = item.extension?.find((entry) => entry.url === QUESTIONNAIRE_EXTENSIONS[which]);
  return extension?.valueInteger ?? extension?.valueDecimal;
}

/** A placeholder (`entryFormat`), e.g. "e.g. 72". */
export function entryFormatOf(item: QuestionnaireItem): string | undefined {
  return item.extension?.find((extension) => extension.url === QUESTIONNAIRE_EXTENSIONS.entryFormat)?.valueString;
}

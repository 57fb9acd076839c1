/**
 * Answers while they are being typed ("drafts": the text of a box, the key of a chosen option) and the typed
 * QuestionnaireResponse answers they become. Keeping the text means "3," or "2025-0" can be on screen mid-typing; it
 * becomes a value — or a problem to show — only when it is read.
 */
import { isWebLink } from '@clinikapi/core';
import type {
  QuestionnaireAnswerOption,
  QuestionnaireCoding,
  QuestionnaireItem,
  QuestionnaireQuantity,
  QuestionnaireValue,
} from './types.ts';
import { boundOf, latestIsNow, unitOptionsOf } from './types.ts';

/** A quantity being entered: the number as typed, and the unit (a unit option's key, or free text). */
export interface QuestionnaireQuantityDraft {
  readonly value: string;
  readonly unit: string;
}

/** One answer as the form holds it. */
export type QuestionnaireDraft = string | boolean | QuestionnaireQuantityDraft | undefined;

/** One QuestionnaireResponse answer, as `intakes` takes it: exactly one value. */
export type AnswerValue = Pick<
  QuestionnaireValue,
  'valueString' | 'valueBoolean' | 'valueInteger' | 'valueDecimal' | 'valueDate' | 'valueDateTime' | 'valueTime' | 'valueUri'
> & {
  readonly valueCoding?: QuestionnaireCoding;
  readonly valueQuantity?: QuestionnaireQuantity;
};

/**
 * Why a draft is not a valid answer: `range` with the item's bounds (either may be open) and the quantity's unit,
 * `maxLength` with the limit, `future` for a date or time after now, the rest without details.
 */
export interface QuestionnaireAnswerProblem {
  readonly code: 'integer' | 'decimal' | 'range' | 'maxLength' | 'url' | 'date' | 'dateTime' | 'time' | 'future' | 'option';
  readonly limit?: number;
  readonly min?: number;
  readonly max?: number;
  readonly unit?: string;
}

export type ReadAnswer = { readonly answer: AnswerValue } | { readonly problem: QuestionnaireAnswerProblem } | { readonly blank: true };

const BLANK: ReadAnswer = { blank: true };

export function isBlankDraft(draft: QuestionnaireDraft): boolean {
  if (draft === undefined) return true;
  if (typeof draft === 'string') return draft.trim() === '';
  if (typeof draft === 'boolean') return false;
  return draft.value.trim() === '';
}

/** A stable key for an option, used as its control's value. */
export function optionKey(option: QuestionnaireAnswerOption): string {
  if (option.valueCoding) return `c:${option.valueCoding.system ?? ''}|${option.valueCoding.code ?? option.valueCoding.display ?? ''}`;
  if (option.valueInteger !== undefined) return `i:${option.valueInteger}`;
  if (option.valueDate !== undefined) return `d:${option.valueDate}`;
  if (option.valueTime !== undefined) return `t:${option.valueTime}`;
  return `s:${option.valueString ?? ''}`;
}

/** What an option says. */
export function optionLabel(option: QuestionnaireAnswerOption): string {
  if (option.valueCoding) return option.valueCoding.display ?? option.valueCoding.code ?? '';
  return String(option.valueString ?? option.valueInteger ?? option.valueDate ?? option.valueTime ?? '');
}

export const unitKey = (unit: QuestionnaireCoding): string => `${unit.system ?? ''}|${unit.code ?? unit.display ?? ''}`;

const optionValue = (option: QuestionnaireAnswerOption): AnswerValue => {
  if (option.valueCoding) return { valueCoding: option.valueCoding };
  if (option.valueInteger !== undefined) return { valueInteger: option.valueInteger };
  if (option.valueDate !== undefined) return { valueDate: option.valueDate };
  if (option.valueTime !== undefined) return { valueTime: option.valueTime };
  return { valueString: option.valueString ?? '' };
};

const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)(:[0-5]\d)?$/;

function isCalendarDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().startsWith(value);
}

const pad = (value: number) => String(value).padStart(2, '0');

/** `2025-01-15T10:00` on this device's clock → `2025-01-15T10:00:00+01:00` (FHIR needs the zone with a time). */
export function localToDateTime(local: string): string | undefined {
  const match = LOCAL_DATE_TIME.exec(local);
  if (!match || !isCalendarDate(local.slice(0, 10))) return undefined;
  const [, year, month, day, hour, minute] = match.map(Number) as [number, number, number, number, number, number];
  if (hour > 23 || minute > 59) return undefined;
  const offset = -new Date(year, month - 1, day, hour, minute).getTimezoneOffset();
  const zone = offset === 0 ? 'Z' : `${offset > 0 ? '+' : '-'}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  return `${local}:00${zone}`;
}

/** A FHIR dateTime → `YYYY-MM-DDTHH:mm` on this device's clock, for a `datetime-local` box. */
export function dateTimeToLocal(dateTime: string): string {
  if (DATE.test(dateTime)) return `${dateTime}T00:00`;
  const parsed = new Date(dateTime);
  if (Number.isNaN(parsed.getTime())) return '';
  return `${parsed.getFullYear()}-${pad(parsed.getMonth() + 1)}-${pad(parsed.getDate())}T${pad(parsed.getHours())}:${pad(parsed.getMinutes())}`;
}

function readNumber(
  item: QuestionnaireItem,
  text: string,
  integer: boolean,
  unit?: string,
): { value: number } | { problem: QuestionnaireAnswerProblem } {
  const trimmed = text.trim();
  // `2.5` for a whole number is not "not a number": it is a number that is not whole.
  if (!(integer ? INTEGER : DECIMAL).test(trimmed)) return { problem: { code: integer && DECIMAL.test(trimmed) ? 'integer' : 'decimal' } };
  const value = Number(trimmed.replace(',', '.'));
  const min = boundOf(item, 'minValue');
  const max = boundOf(item, 'maxValue');
  if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
    return {
      problem: { code: 'range', ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }), ...(unit ? { unit } : {}) },
    };
  }
  return { value };
}

/** A date (or the local date-time's date) after today on this device, when the item's `maxValue` is today. */
function isAfterNow(item: QuestionnaireItem, value: string): boolean {
  if (!latestIsNow(item)) return false;
  if (DATE.test(value)) {
    const today = new Date();
    return value > `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`;
  }
  return Date.parse(value) > Date.now();
}

function readText(item: QuestionnaireItem, text: string): { value: string } | { problem: QuestionnaireAnswerProblem } {
  const value = text.trim();
  if (item.maxLength !== undefined && value.length > item.maxLength) return { problem: { code: 'maxLength', limit: item.maxLength } };
  return { value };
}

/** Reads one draft of `item` as an answer, a problem, or nothing. */
export function readAnswer(item: QuestionnaireItem, draft: QuestionnaireDraft): ReadAnswer {
  if (isBlankDraft(draft)) return BLANK;
  switch (item.type) {
    case 'boolean':
      return typeof draft === 'boolean' ? { answer: { valueBoolean: draft } } : BLANK;
    case 'integer':
    case 'decimal': {
      const read = readNumber(item, String(draft), item.type === 'integer');
      if ('problem' in read) return read;
      return { answer: item.type === 'integer' ? { valueInteger: read.value } : { valueDecimal: read.value } };
    }
    case 'string':
    case 'text': {
      const read = readText(item, String(draft));
      return 'problem' in read ? read : { answer: { valueString: read.value } };
    }
    case 'url': {
      const read = readText(item, String(draft));
      if ('problem' in read) return read;
      // A web address only, as the API takes: a `javascript:` or `data:` link is code for whoever later clicks it.
      return isWebLink(read.value) ? { answer: { valueUri: read.value } } : { problem: { code: 'url' } };
    }
    case 'date':
      if (!isCalendarDate(String(draft))) return { problem: { code: 'date' } };
      return isAfterNow(item, String(draft)) ? { problem: { code: 'future' } } : { answer: { valueDate: String(draft) } };
    case 'dateTime': {
      const value = localToDateTime(String(draft));
      if (!value) return { problem: { code: 'dateTime' } };
      return isAfterNow(item, value) ? { problem: { code: 'future' } } : { answer: { valueDateTime: value } };
    }
    case 'time': {
      const match = TIME.exec(String(draft));
      return match ? { answer: { valueTime: `${match[1]}:${match[2]}${match[3] ?? ':00'}` } } : { problem: { code: 'time' } };
    }
    case 'choice': {
      const option = item.answerOption?.find((candidate) => optionKey(candidate) === draft);
      return option ? { answer: optionValue(option) } : { problem: { code: 'option' } };
    }
    case 'open-choice': {
      const text = String(draft).trim();
      const option = item.answerOption?.find((candidate) => optionLabel(candidate).toLowerCase() === text.toLowerCase());
      if (option) return { answer: optionValue(option) };
      const read = readText(item, text);
      return 'problem' in read ? read : { answer: { valueString: read.value } };
    }
    case 'quantity': {
      const quantity = draft as QuestionnaireQuantityDraft;
      const units = unitOptionsOf(item);
      const unit = units.find((candidate) => unitKey(candidate) === quantity.unit);
      const read = readNumber(item, quantity.value, false, unit ? (unit.display ?? unit.code) : quantity.unit.trim() || undefined);
      if ('problem' in read) return read;
      if (units.length > 0 && !unit) return { problem: { code: 'option' } };
      const unitText = unit ? (unit.display ?? unit.code) : quantity.unit.trim() || undefined;
      return {
        answer: {
          valueQuantity: {
            value: read.value,
            ...(unitText ? { unit: unitText } : {}),
            ...(unit?.system ? { system: unit.system } : {}),
            ...(unit?.code ? { code: unit.code } : {}),
          },
        },
      };
    }
    default:
      return BLANK;
  }
}

/** The draft that shows a stored answer (when resuming), or undefined when the answer does not fit the item. */
export function draftOf(item: QuestionnaireItem, answer: QuestionnaireValue): QuestionnaireDraft {
  switch (item.type) {
    case 'boolean':
      return answer.valueBoolean;
    case 'integer':
      return answer.valueInteger === undefined ? undefined : String(answer.valueInteger);
    case 'decimal':
      return answer.valueDecimal === undefined ? undefined : String(answer.valueDecimal);
    case 'string':
    case 'text':
      return answer.valueString;
    case 'url':
      return answer.valueUri ?? answer.valueString;
    case 'date':
      return answer.valueDate;
    case 'dateTime':
      return answer.valueDateTime === undefined ? undefined : dateTimeToLocal(answer.valueDateTime);
    case 'time':
      return answer.valueTime?.slice(0, 5);
    case 'choice':
    case 'open-choice': {
      const key = answerOptionKey(item, answer);
      if (key) return item.type === 'choice' ? key : optionLabel(item.answerOption?.find((option) => optionKey(option) === key) ?? {});
      return item.type === 'open-choice' ? answer.valueString : undefined;
    }
    case 'quantity': {
      const quantity = answer.valueQuantity;
      if (!quantity || quantity.value === undefined) return undefined;
      const unit = unitOptionsOf(item).find((candidate) => candidate.code === quantity.code || candidate.display === quantity.unit);
      return { value: String(quantity.value), unit: unit ? unitKey(unit) : (quantity.unit ?? '') };
    }
    default:
      return undefined;
  }
}

/** The key of the option a stored answer chose (codings match on system and code). */
function answerOptionKey(item: QuestionnaireItem, answer: QuestionnaireValue): string | undefined {
  const option = item.answerOption?.find((candidate) => {
    if (candidate.valueCoding && answer.valueCoding) {
      const same = candidate.valueCoding.code === answer.valueCoding.code && candidate.valueCoding.display === answer.valueCoding.display;
      return (
        (candidate.valueCoding.code !== undefined &&
          candidate.valueCoding.code === answer.valueCoding.code &&
          (candidate.valueCoding.system ?? '') === (answer.valueCoding.system ?? '')) ||
        same
      );
    }
    if (candidate.valueString !== undefined) return candidate.valueString === answer.valueString;
    if (candidate.valueInteger !== undefined) return candidate.valueInteger === answer.valueInteger;
    if (candidate.valueDate !== undefined) return candidate.valueDate === answer.valueDate;
    return candidate.valueTime !== undefined && candidate.valueTime === answer.valueTime;
  });
  return option && optionKey(option);
}

/** The drafts an item starts with: its `initial` values or initially selected options, else one empty answer. */
export function initialDrafts(item: QuestionnaireItem): QuestionnaireDraft[] {
  if (item.type === 'group' || item.type === 'display') return [];
  const selected = (item.answerOption ?? []).filter((option) => option.initialSelected).map(optionValue);
  const initial = [...(item.initial ?? []), ...selected].map((value) => draftOf(item, value)).filter((draft) => draft !== undefined);
  if (initial.length > 0) return item.repeats ? initial : initial.slice(0, 1);
  return item.type === 'choice' && item.repeats ? [] : [emptyDraft(item)];
}

/** An empty answer box for the item. */
export function emptyDraft(item: QuestionnaireItem): QuestionnaireDraft {
  if (item.type === 'boolean') return undefined;
  if (item.type === 'quantity') {
    const [first] = unitOptionsOf(item);
    return { value: '', unit: first ? unitKey(first) : '' };
  }
  return '';
}

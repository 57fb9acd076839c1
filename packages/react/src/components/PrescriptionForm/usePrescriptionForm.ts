'use client';
/**
 * The headless PrescriptionForm: the patient's prescriptions on record, and a full prescription form — medication
 * (RxNorm or free text), instructions, priority, category, frequency, duration, quantity, refills, course of therapy,
 * substitution, pharmacist notes — sent as a FHIR MedicationRequest (`prescriptions.create`).
 */
import { prescriptionCreateSchema, type MedicationRequest } from '@clinikapi/core';
import { useWatch } from 'react-hook-form';
import { useRecordsAccess } from '../../access/useAccess.ts';
import { useCreatePrescription, usePrescriptions } from '../../hooks/resources/prescriptions.ts';
import { useLocale } from '../../provider/context.ts';
import { useWidgetMessages } from '../../i18n/widget-messages.ts';
import type { CodedValue } from '../../headless/coded-value.ts';
import { dropBlanks } from '../../headless/form/drop-blanks.ts';
import {
  numberProblem,
  parseTypedNumber,
  useValidationMessages,
  type NumberRule,
  type ValidationMessages,
} from '../../headless/form/validation.ts';
import { useClinicalForm, type ClinicalForm, type FieldIssue } from '../../headless/form/useClinicalForm.ts';
import { prescriptionFormMessages, type PrescriptionFormMessages } from './messages.ts';
import { recordsStateOf, type RecordsState } from '../../headless/records-state.ts';
import type { WidgetHookOptions } from '../../headless/widget-hook-options.ts';

/** The most refills the form accepts (the API takes up to 99; the docs' form stops at 12). */
export const MAX_REFILLS = 12;
/** Sent as the prescriber when none is given, as the docs say: the proxy fills in the real one from the session. */
export const UNKNOWN_PRESCRIBER = 'unknown';

/** What the form holds while it is being filled in. Numbers are text until they are checked. */
export interface PrescriptionFormValues {
  medication: CodedValue | undefined;
  dosageText: string;
  priority: 'routine' | 'urgent' | 'asap' | 'stat';
  category: '' | 'outpatient' | 'inpatient' | 'community' | 'discharge';
  /** Times a day, `1`–`4`. */
  frequency: '' | '1' | '2' | '3' | '4';
  /** Days of supply. */
  durationDays: string;
  quantity: string;
  quantityUnit: string;
  refills: string;
  courseOfTherapy: '' | 'continuous' | 'acute' | 'seasonal';
  substitutionAllowed: boolean;
  /** Notes for the pharmacist. */
  note: string;
}

export const EMPTY_PRESCRIPTION_FORM: PrescriptionFormValues = {
  medication: undefined,
  dosageText: '',
  priority: 'routine',
  category: 'outpatient',
  frequency: '',
  durationDays: '',
  quantity: '',
  quantityUnit: 'tablets',
  refills: '0',
  courseOfTherapy: '',
  substitutionAllowed: true,
  note: '',
};

export interface UsePrescriptionFormOptions extends WidgetHookOptions<MedicationRequest> {
  /** Whether to fetch the patient's records for the list above the form. Default true. */
  readonly records?: boolean | undefined;
  /** The prescribing practitioner. Default `"unknown"`, for the proxy to replace. */
  readonly prescriberId?: string | undefined;
  /** The encounter the prescription is written in. */
  readonly encounterId?: string | undefined;
}

export interface PrescriptionFormState extends ClinicalForm<PrescriptionFormValues, MedicationRequest>, RecordsState {
  /** The patient's prescriptions, active ones first, newest first within each status. */
  readonly records: readonly MedicationRequest[];
  /** Doses a day × days, when both are given: a suggestion for the quantity. */
  readonly suggestedQuantity: { readonly perDay: number; readonly days: number; readonly total: number } | undefined;
}

/** A number typed in a box; `undefined` when empty, NaN when not a number. */
export const parseAmount = parseTypedNumber;

const STATUS_ORDER = ['active', 'on-hold', 'draft', 'completed', 'stopped', 'cancelled'];

/** Active first, then on hold, drafts, and the finished ones; within each, the most recently written first. */
export function byPrescriptionRelevance(a: MedicationRequest, b: MedicationRequest): number {
  const rank = (request: MedicationRequest) => {
    const index = STATUS_ORDER.indexOf(request.status);
    return index === -1 ? STATUS_ORDER.length : index;
  };
  return rank(a) - rank(b) || (b.authoredOn ?? '').localeCompare(a.authoredOn ?? '');
}

/**
 * The form's own rules, in the shared wording: whole numbers in range where the API wants them (refills 0–12, a
 * duration of 1–365 days), a quantity above 0, a medication.
 */
function prescriptionIssues(
  values: PrescriptionFormValues,
  messages: PrescriptionFormMessages,
  validation: ValidationMessages,
  locale: string | undefined,
): FieldIssue<PrescriptionFormValues>[] {
  const issues: FieldIssue<PrescriptionFormValues>[] = [];
  if (values.medication === undefined) issues.push({ field: 'medication', message: messages.medicationRequired });
  const check = (field: 'refills' | 'durationDays' | 'quantity', rule: NumberRule) => {
    const wrong = numberProblem(values[field], rule, validation, locale);
    if (wrong) issues.push({ field, message: wrong });
  };
  check('refills', { min: 0, max: MAX_REFILLS, decimals: 0 });
  check('durationDays', { min: 1, max: 365, decimals: 0, unit: messages.durationUnit });
  check('quantity', { positive: true });
  return issues;
}

/** Where a server issue belongs on this form. */
function fieldOf(path: string): keyof PrescriptionFormValues | undefined {
  if (path.startsWith('dosage.')) return 'frequency';
  if (path === 'supplyDays') return 'durationDays';
  if (path === 'quantity.unit') return 'quantityUnit';
  const field = path.split('.')[0] as keyof PrescriptionFormValues;
  return field in EMPTY_PRESCRIPTION_FORM ? field : undefined;
}

export function usePrescriptionForm(options: UsePrescriptionFormOptions): PrescriptionFormState {
  const { patientId, prescriberId = UNKNOWN_PRESCRIBER, encounterId } = options;
  const messages = useWidgetMessages('prescriptionForm', prescriptionFormMessages);
  const validation = useValidationMessages();
  const locale = useLocale();
  const reads = useRecordsAccess('prescriptions');
  const search = usePrescriptions({ patientId, count: 100 }, { enabled: reads.enabled && options.records !== false });
  const create = useCreatePrescription();

  const form = useClinicalForm({
    writes: { path: 'prescriptions' },
    schema: prescriptionCreateSchema,
    defaultValues: EMPTY_PRESCRIPTION_FORM,
    validate: (values: PrescriptionFormValues) => prescriptionIssues(values, messages, validation, locale),
    toInput: (values: PrescriptionFormValues) => {
      const quantity = parseAmount(values.quantity);
      return dropBlanks({
        patientId,
        prescriberId,
        encounterId,
        medication: values.medication,
        status: 'active',
        intent: 'order',
        priority: values.priority,
        category: values.category,
        courseOfTherapy: values.courseOfTherapy,
        substitutionAllowed: values.substitutionAllowed,
        dosageText: values.dosageText,
        // "Three times daily" is three per one day; the duration is the supply, not the timing's period.
        dosage: values.frequency ? { frequency: Number(values.frequency), period: 1, periodUnit: 'd' } : undefined,
        refills: parseAmount(values.refills),
        quantity: quantity === undefined ? undefined : { value: quantity, unit: values.quantityUnit },
        supplyDays: parseAmount(values.durationDays),
        note: values.note,
      });
    },
    submit: create.mutateAsync,
    fieldOf,
    onSuccess: options.onSuccess,
    onError: options.onError,
  });

  const [frequency, duration] = useWatch({ control: form.form.control, name: ['frequency', 'durationDays'] });
  const days = parseAmount(duration);
  const suggestedQuantity =
    frequency && days !== undefined && Number.isInteger(days) && days > 0
      ? { perDay: Number(frequency), days, total: Number(frequency) * days }
      : undefined;

  const records = [...(search.data?.data ?? [])].sort(byPrescriptionRelevance);

  return {
    ...form,
    records,
    ...recordsStateOf(search, records.length, reads.readable),
    suggestedQuantity,
  };
}

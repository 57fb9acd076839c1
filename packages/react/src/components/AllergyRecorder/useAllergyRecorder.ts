'use client';
/**
 * The headless AllergyRecorder: the patient's allergies on record, and a form that records a new one as a FHIR
 * AllergyIntolerance (`allergies.create`). Render it any way you like; `AllergyRecorder` is one skin over it.
 */
import { type ALLERGY_CATEGORIES, allergyCreateSchema, type AllergyIntolerance, withRule } from '@clinikapi/core';
import { useRecordsAccess } from '../../access/useAccess.ts';
import { useAllergies, useCreateAllergy } from '../../hooks/resources/allergies.ts';
import { useWidgetMessages } from '../../i18n/widget-messages.ts';
import { textOf, type CodedValue } from '../../headless/coded-value.ts';
import { dropBlanks } from '../../headless/form/drop-blanks.ts';
import { useClinicalForm, type ClinicalForm } from '../../headless/form/useClinicalForm.ts';
import { conceptCode } from '../../headless/fhir-display.ts';
import { allergyRecorderMessages } from './messages.ts';
import { recordsStateOf, type RecordsState } from '../../headless/records-state.ts';
import type { WidgetHookOptions } from '../../headless/widget-hook-options.ts';

export type AllergyCategory = (typeof ALLERGY_CATEGORIES)[number];

/** What the form holds while it is being filled in. */
export interface AllergyFormValues {
  code: CodedValue | undefined;
  type: '' | 'allergy' | 'intolerance';
  category: AllergyCategory[];
  criticality: '' | 'low' | 'high' | 'unable-to-assess';
  clinicalStatus: 'active' | 'inactive' | 'resolved';
  /** Comma-separated reactions, e.g. "Hives, wheezing". */
  manifestation: string;
  severity: '' | 'mild' | 'moderate' | 'severe';
  note: string;
}

export const EMPTY_ALLERGY_FORM: AllergyFormValues = {
  code: undefined,
  type: '',
  category: [],
  criticality: '',
  clinicalStatus: 'active',
  manifestation: '',
  severity: '',
  note: '',
};

export interface UseAllergyRecorderOptions extends WidgetHookOptions<AllergyIntolerance> {
  /** The practitioner recording the allergy, when known. */
  readonly recorderId?: string | undefined;
}

export interface AllergyRecorderState extends ClinicalForm<AllergyFormValues, AllergyIntolerance>, RecordsState {
  /** The patient's allergies, active ones first. */
  readonly records: readonly AllergyIntolerance[];
}

const STATUS_ORDER = ['active', 'inactive', 'resolved'];

/** Active before inactive before resolved; within each, the most recently recorded first. */
function byRelevance(a: AllergyIntolerance, b: AllergyIntolerance): number {
  const status = (allergy: AllergyIntolerance) => {
    const index = STATUS_ORDER.indexOf(conceptCode(allergy.clinicalStatus) ?? '');
    return index === -1 ? STATUS_ORDER.length : index;
  };
  const recorded = (allergy: AllergyIntolerance) => allergy.recordedDate ?? allergy.meta?.lastUpdated ?? '';
  return status(a) - status(b) || recorded(b).localeCompare(recorded(a));
}

/** Where a server issue about the reaction belongs on this form. */
function fieldOf(path: string): keyof AllergyFormValues | undefined {
  if (path.startsWith('reaction')) return path.endsWith('severity') ? 'severity' : 'manifestation';
  const field = path.split('.')[0] as keyof AllergyFormValues;
  return field in EMPTY_ALLERGY_FORM ? field : undefined;
}

export function useAllergyRecorder(options: UseAllergyRecorderOptions): AllergyRecorderState {
  const { patientId, recorderId } = options;
  const messages = useWidgetMessages('allergyRecorder', allergyRecorderMessages);
  const reads = useRecordsAccess('allergies');
  const records = useAllergies({ patientId, count: 100 }, { enabled: reads.enabled });
  const create = useCreateAllergy();

  // The API's own rules, plus the one this widget adds: an allergy record here always names its allergen.
  const schema = withRule(allergyCreateSchema, (allergy, ctx) => {
    if (allergy.code === undefined) ctx.addIssue({ code: 'custom', path: ['code'], message: messages.allergenRequired });
  });

  const form = useClinicalForm({
    writes: { path: 'allergies' },
    schema,
    defaultValues: EMPTY_ALLERGY_FORM,
    toInput: (values: AllergyFormValues) => {
      const manifestation = values.manifestation
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean);
      return dropBlanks({
        patientId,
        recorderId,
        code: values.code,
        type: values.type,
        category: values.category,
        criticality: values.criticality,
        clinicalStatus: values.clinicalStatus,
        verificationStatus: 'confirmed',
        recordedDate: new Date().toISOString(),
        reaction: manifestation.length > 0 || values.severity ? [{ manifestation, severity: values.severity }] : [],
        note: values.note,
      });
    },
    submit: create.mutateAsync,
    fieldOf,
    onSuccess: options.onSuccess,
    onError: options.onError,
  });

  const list = [...(records.data?.data ?? [])].sort(byRelevance);

  return {
    ...form,
    records: list,
    ...recordsStateOf(records, list.length, reads.readable),
  };
}

/** The allergen as typed or chosen, for messages. */
export function allergenLabel(value: CodedValue | undefined): string {
  return typeof value === 'string' ? value : (value?.display ?? textOf(value));
}

'use client';
/**
 * The headless ConditionTracker: the patient's problem list (active conditions first, past ones kept apart), and a
 * form that records a new condition as a FHIR Condition (`conditions.create`). `ConditionTracker` is one skin over it.
 */
import { conditionCreateSchema, type Condition } from '@clinikapi/core';
import { useRecordsAccess } from '../../access/useAccess.ts';
import { useConditions, useCreateCondition } from '../../hooks/resources/conditions.ts';
import { useWidgetMessages } from '../../i18n/widget-messages.ts';
import type { CodedValue } from '../../headless/coded-value.ts';
import { isAfterToday } from '../../headless/form/dates.ts';
import { dropBlanks } from '../../headless/form/drop-blanks.ts';
import { useClinicalForm, type ClinicalForm, type FieldIssue } from '../../headless/form/useClinicalForm.ts';
import { conceptCode } from '../../headless/fhir-display.ts';
import { conditionTrackerMessages } from './messages.ts';
import { recordsStateOf, type RecordsState } from '../../headless/records-state.ts';
import type { WidgetHookOptions } from '../../headless/widget-hook-options.ts';

/** What the form holds while it is being filled in. Field names follow the API's, so its issues land by name. */
export interface ConditionFormValues {
  code: CodedValue | undefined;
  clinicalStatus: 'active' | 'inactive' | 'resolved';
  verificationStatus: 'confirmed' | 'unconfirmed';
  severity: '' | 'mild' | 'moderate' | 'severe';
  /** `YYYY-MM-DD`: a FHIR dateTime may be a date, and a date is the precision an onset is usually known to. */
  onsetDateTime: string;
  abatementDateTime: string;
  note: string;
}

export const EMPTY_CONDITION_FORM: ConditionFormValues = {
  code: undefined,
  clinicalStatus: 'active',
  verificationStatus: 'confirmed',
  severity: '',
  onsetDateTime: '',
  abatementDateTime: '',
  note: '',
};

export interface UseConditionTrackerOptions extends WidgetHookOptions<Condition> {
  /** The practitioner recording the condition, when known; sent as `recorderId`. */
  readonly recorderId?: string | undefined;
}

export interface ConditionTrackerState extends ClinicalForm<ConditionFormValues, Condition>, RecordsState {
  /** The patient's current conditions (active, recurrence, relapse), most recent onset first. */
  readonly records: readonly Condition[];
  /** Conditions that are inactive, in remission, resolved or refuted, most recent first. */
  readonly pastRecords: readonly Condition[];
  /** About `records`: `empty` means no current condition, even when there are past ones. */
}

const CURRENT = ['active', 'recurrence', 'relapse'];

/** A condition is current unless its status says otherwise; one without a status is shown rather than hidden. */
export function isCurrentCondition(condition: Condition): boolean {
  if (conceptCode(condition.verificationStatus) === 'refuted') return false;
  const status = conceptCode(condition.clinicalStatus);
  return status === undefined || CURRENT.includes(status);
}

const whenOf = (condition: Condition) => condition.onsetDateTime ?? condition.recordedDate ?? condition.meta?.lastUpdated ?? '';
const mostRecentFirst = (a: Condition, b: Condition) => whenOf(b).localeCompare(whenOf(a));

export function useConditionTracker(options: UseConditionTrackerOptions): ConditionTrackerState {
  const { patientId, recorderId } = options;
  const messages = useWidgetMessages('conditionTracker', conditionTrackerMessages);
  const reads = useRecordsAccess('conditions');
  const records = useConditions({ patientId, count: 100 }, { enabled: reads.enabled });
  const create = useCreateCondition();

  const form = useClinicalForm({
    writes: { path: 'conditions' },
    schema: conditionCreateSchema,
    defaultValues: EMPTY_CONDITION_FORM,
    // The API's rules (con-3/con-4 included), plus the widget's: a condition is named, and its dates are not after
    // today in the user's own time zone (the API can only allow for every zone at once).
    validate: (values) => {
      const issues: FieldIssue<ConditionFormValues>[] = [];
      if (values.code === undefined) issues.push({ field: 'code', message: messages.codeRequired });
      for (const field of ['onsetDateTime', 'abatementDateTime'] as const) {
        if (isAfterToday(values[field])) issues.push({ field, message: messages.futureDate });
      }
      return issues;
    },
    toInput: (values: ConditionFormValues) =>
      dropBlanks({
        patientId,
        recorderId,
        code: values.code,
        clinicalStatus: values.clinicalStatus,
        verificationStatus: values.verificationStatus,
        severity: values.severity,
        onsetDateTime: values.onsetDateTime,
        abatementDateTime: values.abatementDateTime,
        recordedDate: new Date().toISOString(),
        note: values.note,
      }),
    submit: create.mutateAsync,
    fieldOf: (path) => {
      const field = path.split('.')[0] ?? '';
      if (field === 'onsetString') return 'onsetDateTime';
      if (field === 'abatementString') return 'abatementDateTime';
      return field in EMPTY_CONDITION_FORM ? (field as keyof ConditionFormValues) : undefined;
    },
    onSuccess: options.onSuccess,
    onError: options.onError,
  });

  const usable = (records.data?.data ?? []).filter((condition) => conceptCode(condition.verificationStatus) !== 'entered-in-error');
  const current = usable.filter(isCurrentCondition).sort(mostRecentFirst);
  const past = usable.filter((condition) => !isCurrentCondition(condition)).sort(mostRecentFirst);

  return {
    ...form,
    records: current,
    pastRecords: past,
    ...recordsStateOf(records, current.length, reads.readable),
  };
}

'use client';
/**
 * The headless ImmunizationLogger: the patient's immunization history, most recent first, and a form that logs a
 * dose as a FHIR Immunization (`immunizations.create`). `ImmunizationLogger` is one skin over it.
 */
import { immunizationCreateSchema, type Immunization } from '@clinikapi/core';
import { useRecordsAccess } from '../../access/useAccess.ts';
import { useCreateImmunization, useImmunizations } from '../../hooks/resources/immunizations.ts';
import { useWidgetMessages } from '../../i18n/widget-messages.ts';
import type { CodedValue } from '../../headless/coded-value.ts';
import { isAfterToday } from '../../headless/form/dates.ts';
import { dropBlanks } from '../../headless/form/drop-blanks.ts';
import { useClinicalForm, type ClinicalForm, type FieldIssue } from '../../headless/form/useClinicalForm.ts';
import { immunizationLoggerMessages } from './messages.ts';
import { recordsStateOf, type RecordsState } from '../../headless/records-state.ts';
import type { WidgetHookOptions } from '../../headless/widget-hook-options.ts';

/** What the form holds while it is being filled in. Field names follow the API's, so its issues land by name. */
export interface ImmunizationFormValues {
  vaccineCode: CodedValue | undefined;
  status: 'completed' | 'not-done';
  /** Why it was not given; sent only while the status is `not-done`. */
  statusReason: string;
  /** `YYYY-MM-DD`, or empty for "now" (the API's default). */
  occurrenceDateTime: string;
  site: CodedValue | undefined;
  route: CodedValue | undefined;
  lotNumber: string;
  manufacturer: string;
  note: string;
}

export const EMPTY_IMMUNIZATION_FORM: ImmunizationFormValues = {
  vaccineCode: undefined,
  status: 'completed',
  statusReason: '',
  occurrenceDateTime: '',
  site: undefined,
  route: undefined,
  lotNumber: '',
  manufacturer: '',
  note: '',
};

export type UseImmunizationLoggerOptions = WidgetHookOptions<Immunization>;

export interface ImmunizationLoggerState extends ClinicalForm<ImmunizationFormValues, Immunization>, RecordsState {
  /** The patient's immunizations, most recent first. */
  readonly records: readonly Immunization[];
}

/**
 * The API takes site and route as words ("Left deltoid"), so a chosen code is sent by its display; the suggestion
 * lists only save typing.
 */
function wordsOf(value: CodedValue | undefined): string | undefined {
  return typeof value === 'string' ? value : value?.display;
}

const whenOf = (immunization: Immunization) =>
  immunization.occurrenceDateTime ?? immunization.recorded ?? immunization.meta?.lastUpdated ?? '';

export function useImmunizationLogger(options: UseImmunizationLoggerOptions): ImmunizationLoggerState {
  const { patientId } = options;
  const messages = useWidgetMessages('immunizationLogger', immunizationLoggerMessages);
  const reads = useRecordsAccess('immunizations');
  const records = useImmunizations({ patientId, count: 100 }, { enabled: reads.enabled });
  const create = useCreateImmunization();

  const form = useClinicalForm({
    writes: { path: 'immunizations' },
    schema: immunizationCreateSchema,
    defaultValues: EMPTY_IMMUNIZATION_FORM,
    validate: (values) => {
      const issues: FieldIssue<ImmunizationFormValues>[] = [];
      if (values.vaccineCode === undefined) issues.push({ field: 'vaccineCode', message: messages.vaccineRequired });
      if (isAfterToday(values.occurrenceDateTime)) issues.push({ field: 'occurrenceDateTime', message: messages.futureDate });
      return issues;
    },
    toInput: (values: ImmunizationFormValues) =>
      dropBlanks({
        patientId,
        vaccineCode: values.vaccineCode,
        status: values.status,
        // Kept in the form while hidden, so switching the status back and forth loses nothing; sent only when it applies.
        statusReason: values.status === 'not-done' ? values.statusReason : undefined,
        occurrenceDateTime: values.occurrenceDateTime,
        site: wordsOf(values.site),
        route: wordsOf(values.route),
        lotNumber: values.lotNumber,
        manufacturer: values.manufacturer,
        note: values.note,
      }),
    submit: create.mutateAsync,
    onSuccess: options.onSuccess,
    onError: options.onError,
  });

  const list = [...(records.data?.data ?? [])]
    .filter((immunization) => immunization.status !== 'entered-in-error')
    .sort((a, b) => whenOf(b).localeCompare(whenOf(a)));

  return {
    ...form,
    records: list,
    ...recordsStateOf(records, list.length, reads.readable),
  };
}

'use client';
/**
 * The headless LabResultsWidget: the patient's recent lab reports, and a form that orders a new one as a FHIR
 * DiagnosticReport (`labs.create`) — LOINC-coded, with a category (LAB, RAD, PAT), a status, and either a time or,
 * for a collection over a period, a start and an end.
 */
import { labCreateSchema, type DiagnosticReport } from '@clinikapi/core';
import { useRecordsAccess } from '../../access/useAccess.ts';
import { useCreateLab, useLabs } from '../../hooks/resources/labs.ts';
import { useWidgetMessages } from '../../i18n/widget-messages.ts';
import type { CodedValue } from '../../headless/coded-value.ts';
import { dropBlanks } from '../../headless/form/drop-blanks.ts';
import { useClinicalForm, type ClinicalForm, type FieldIssue } from '../../headless/form/useClinicalForm.ts';
import { labResultsWidgetMessages } from './messages.ts';
import { recordsStateOf, type RecordsState } from '../../headless/records-state.ts';
import type { WidgetHookOptions } from '../../headless/widget-hook-options.ts';

/** The categories the form offers: the three the ClinikAPI docs name. */
export const LAB_FORM_CATEGORIES = ['LAB', 'RAD', 'PAT'] as const satisfies readonly LabFormValues['category'][];
/** The statuses the form offers, in the order a report goes through them. */
export const LAB_FORM_STATUSES = ['registered', 'preliminary', 'final'] as const satisfies readonly LabFormValues['status'][];

/** What the form holds while it is being filled in. */
export interface LabFormValues {
  code: CodedValue | undefined;
  /** `''` until one is chosen. */
  category: '' | 'LAB' | 'RAD' | 'PAT';
  status: 'registered' | 'preliminary' | 'final';
  /** `datetime-local`: when the specimen was collected or the study performed; empty means now. */
  effectiveStart: string;
  /** `datetime-local`, only for a collection over a period. */
  effectiveEnd: string;
  conclusion: string;
}

export const EMPTY_LAB_FORM: LabFormValues = {
  code: undefined,
  category: 'LAB',
  status: 'preliminary',
  effectiveStart: '',
  effectiveEnd: '',
  conclusion: '',
};

export interface UseLabResultsWidgetOptions extends WidgetHookOptions<DiagnosticReport> {
  /** Whether to fetch the patient's records for the list above the form. Default true. */
  readonly records?: boolean | undefined;
  /** The encounter the report belongs to. */
  readonly encounterId?: string | undefined;
  /** The practitioner who performed the test. */
  readonly performerId?: string | undefined;
  /** How many recent reports to list. Default 10. */
  readonly recentCount?: number | undefined;
}

export interface LabResultsWidgetState extends ClinicalForm<LabFormValues, DiagnosticReport>, RecordsState {
  /** The patient's most recent reports, newest first. */
  readonly records: readonly DiagnosticReport[];
}

/** When a report is from: its time, or the start of its period, or when it was issued. */
export function reportDate(report: DiagnosticReport): string | undefined {
  return report.effectiveDateTime ?? report.effectivePeriod?.start ?? report.issued ?? report.meta?.lastUpdated;
}

/** A `datetime-local` value (the viewer's clock) as an instant; anything unreadable is passed on for the schema to name. */
function instantOf(local: string): string {
  const parsed = new Date(local);
  return Number.isNaN(parsed.getTime()) ? local : parsed.toISOString();
}

/** Where a server issue about the report's time belongs on this form. */
function fieldOf(path: string): keyof LabFormValues | undefined {
  if (path === 'effectiveDateTime' || path === 'effectivePeriod.start') return 'effectiveStart';
  if (path.startsWith('effectivePeriod')) return 'effectiveEnd';
  const field = path.split('.')[0] as keyof LabFormValues;
  return field in EMPTY_LAB_FORM ? field : undefined;
}

export function useLabResultsWidget(options: UseLabResultsWidgetOptions): LabResultsWidgetState {
  const { patientId, encounterId, performerId, recentCount = 10 } = options;
  const messages = useWidgetMessages('labResultsWidget', labResultsWidgetMessages);
  const reads = useRecordsAccess('labs');
  const search = useLabs({ patientId, sort: '-date', count: recentCount }, { enabled: reads.enabled && options.records !== false });
  const create = useCreateLab();

  const form = useClinicalForm({
    writes: { path: 'labs' },
    schema: labCreateSchema,
    defaultValues: EMPTY_LAB_FORM,
    // A report here always names its test; a period needs its start (an end alone would silently become "now–end").
    validate: (values: LabFormValues) => {
      const issues: FieldIssue<LabFormValues>[] = [];
      if (values.code === undefined) issues.push({ field: 'code', message: messages.testRequired });
      if (values.effectiveEnd.trim() !== '' && values.effectiveStart.trim() === '') {
        issues.push({ field: 'effectiveStart', message: messages.startRequired });
      }
      return issues;
    },
    toInput: (values: LabFormValues) => {
      const start = values.effectiveStart.trim() === '' ? new Date().toISOString() : instantOf(values.effectiveStart);
      const period = values.effectiveEnd.trim() !== '';
      return dropBlanks({
        patientId,
        encounterId,
        performer: performerId,
        status: values.status,
        code: values.code,
        category: values.category,
        effectiveDateTime: period ? undefined : start,
        effectivePeriod: period ? { start, end: instantOf(values.effectiveEnd) } : undefined,
        conclusion: values.conclusion,
      });
    },
    submit: create.mutateAsync,
    fieldOf,
    onSuccess: options.onSuccess,
    onError: options.onError,
  });

  // The API sorts by date already; sorting again keeps reports without one last rather than wherever they land.
  const records = [...(search.data?.data ?? [])].sort((a, b) => (reportDate(b) ?? '').localeCompare(reportDate(a) ?? ''));

  return {
    ...form,
    records,
    ...recordsStateOf(search, records.length, reads.readable),
  };
}

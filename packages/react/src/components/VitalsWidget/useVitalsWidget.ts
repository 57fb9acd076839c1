'use client';
/**
 * The headless VitalsWidget: the patient's recent vitals, and a form that records one vitals panel — a FHIR
 * Observation whose components are the readings (`observations.create`). Readings outside the usual range are
 * flagged as they are typed and saved with their interpretation; implausible ones are refused.
 */
import { observationCreateSchema, type Observation } from '@clinikapi/core';
import { useWatch } from 'react-hook-form';
import { VITAL_PANELS } from '../../codes/vitals.ts';
import { useRecordsAccess } from '../../access/useAccess.ts';
import { useCreateObservation, useObservations } from '../../hooks/resources/observations.ts';
import { useWidgetMessages } from '../../i18n/widget-messages.ts';
import { useLocale } from '../../provider/context.ts';
import { dropBlanks } from '../../headless/form/drop-blanks.ts';
import { useClinicalForm, type ClinicalForm } from '../../headless/form/useClinicalForm.ts';
import { useValidationMessages } from '../../headless/form/validation.ts';
import { vitalsWidgetMessages } from './messages.ts';
import {
  EMPTY_VITALS_FORM,
  VITALS_READINGS,
  componentsOf,
  fieldsOf,
  flagOf,
  isVitalsObservation,
  panelInterpretation,
  takenAt,
  vitalsFieldOf,
  vitalsIssues,
  type VitalKey,
  type VitalsFormValues,
  type VitalsReading,
} from './vitals-readings.ts';
import { recordsStateOf, type RecordsState } from '../../headless/records-state.ts';
import type { WidgetHookOptions } from '../../headless/widget-hook-options.ts';

export interface UseVitalsWidgetOptions extends WidgetHookOptions<Observation> {
  /** Whether to fetch the patient's records for the list above the form. Default true. */
  readonly records?: boolean | undefined;
  /** The readings the form offers, in this order. Default: all of `VITALS_READINGS`. */
  readonly readings?: readonly VitalsReading[] | undefined;
  /** The encounter the readings were taken in. */
  readonly encounterId?: string | undefined;
  /** The practitioner who took the readings. */
  readonly performerId?: string | undefined;
  /** How many recent vitals to list. Default 5. */
  readonly recentCount?: number | undefined;
}

export interface VitalsWidgetState extends ClinicalForm<VitalsFormValues, Observation>, RecordsState {
  /** The readings the form offers. */
  readonly readings: readonly VitalsReading[];
  /** Each typed reading's place against its reference range (high, low, normal), while it is typed. */
  readonly flags: Readonly<Partial<Record<VitalKey, 'H' | 'L' | 'N'>>>;
  /** The patient's most recent vitals, newest first. */
  readonly records: readonly Observation[];
}

/** Newest first, by when the readings were taken. */
function byTakenAtDescending(a: Observation, b: Observation): number {
  return (takenAt(b) ?? '').localeCompare(takenAt(a) ?? '');
}

/** A `datetime-local` value (the viewer's clock) as an instant; empty means now; anything unreadable is passed on as typed. */
function instantOf(local: string): string {
  if (local.trim() === '') return new Date().toISOString();
  const parsed = new Date(local);
  return Number.isNaN(parsed.getTime()) ? local : parsed.toISOString();
}

export function useVitalsWidget(options: UseVitalsWidgetOptions): VitalsWidgetState {
  const { patientId, encounterId, performerId, readings = VITALS_READINGS, recentCount = 5 } = options;
  const messages = useWidgetMessages('vitalsWidget', vitalsWidgetMessages);
  const locale = useLocale();
  const validation = useValidationMessages();
  // Search has no category filter, so the vitals are picked from the patient's latest observations.
  const reads = useRecordsAccess('observations');
  const search = useObservations({ patientId, sort: '-date', count: 100 }, { enabled: reads.enabled && options.records !== false });
  const create = useCreateObservation();
  const shown = readings.flatMap(fieldsOf);

  const form = useClinicalForm({
    writes: { path: 'observations' },
    schema: observationCreateSchema,
    defaultValues: EMPTY_VITALS_FORM,
    validate: (values: VitalsFormValues) => vitalsIssues(values, shown, messages, validation, locale),
    toInput: (values: VitalsFormValues) => {
      const component = componentsOf(values);
      return dropBlanks({
        patientId,
        encounterId,
        performerId,
        status: 'final',
        category: 'vital-signs',
        code: VITAL_PANELS.vitalSigns,
        effectiveDateTime: instantOf(values.effectiveDateTime),
        component,
        interpretation: panelInterpretation(component),
        note: values.note,
      });
    },
    submit: create.mutateAsync,
    fieldOf: vitalsFieldOf,
    onSuccess: options.onSuccess,
    onError: options.onError,
  });

  const values = useWatch({ control: form.form.control });
  const flags: Partial<Record<VitalKey, 'H' | 'L' | 'N'>> = {};
  for (const key of shown) {
    const flag = flagOf(key, values[key] ?? '');
    if (flag) flags[key] = flag;
  }

  const records = (search.data?.data ?? []).filter(isVitalsObservation).sort(byTakenAtDescending).slice(0, recentCount);

  return {
    ...form,
    readings,
    flags,
    records,
    ...recordsStateOf(search, records.length, reads.readable),
  };
}

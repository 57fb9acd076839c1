'use client';
/**
 * The headless PrescriptionWidget: the patient's prescriptions, and a one-field form that prescribes a medication
 * by name or RxNorm code (`prescriptions.create` with status `active`, intent `order`). Anything more — dosage,
 * refills, priority — is the PrescriptionForm's job.
 */
import { prescriptionCreateSchema, type MedicationRequest } from '@clinikapi/core';
import { useRecordsAccess } from '../../access/useAccess.ts';
import { useCreatePrescription, usePrescriptions } from '../../hooks/resources/prescriptions.ts';
import { useWidgetMessages } from '../../i18n/widget-messages.ts';
import type { CodedValue } from '../../headless/coded-value.ts';
import { dropBlanks } from '../../headless/form/drop-blanks.ts';
import { useClinicalForm, type ClinicalForm } from '../../headless/form/useClinicalForm.ts';
import { prescriptionWidgetMessages } from './messages.ts';
import { recordsStateOf, type RecordsState } from '../../headless/records-state.ts';
import type { WidgetHookOptions } from '../../headless/widget-hook-options.ts';

export interface QuickPrescriptionValues {
  medication: CodedValue | undefined;
}

export const EMPTY_QUICK_PRESCRIPTION: QuickPrescriptionValues = { medication: undefined };

export interface UsePrescriptionWidgetOptions extends WidgetHookOptions<MedicationRequest> {
  /** Whether to fetch the patient's records for the list above the form. Default true. */
  readonly records?: boolean | undefined;
  /** The prescribing practitioner. Default `"unknown"`, as the docs say, for the proxy to replace from the session. */
  readonly prescriberId?: string | undefined;
  /** How many prescriptions to list. Default 10. */
  readonly recentCount?: number | undefined;
}

export interface PrescriptionWidgetState extends ClinicalForm<QuickPrescriptionValues, MedicationRequest>, RecordsState {
  /** The patient's prescriptions, current ones first, newest first within each status. */
  readonly records: readonly MedicationRequest[];
}

const STATUS_ORDER = ['active', 'on-hold', 'draft', 'completed', 'stopped', 'cancelled'];

function byRelevance(a: MedicationRequest, b: MedicationRequest): number {
  const rank = (request: MedicationRequest) => {
    const index = STATUS_ORDER.indexOf(request.status);
    return index === -1 ? STATUS_ORDER.length : index;
  };
  return rank(a) - rank(b) || (b.authoredOn ?? '').localeCompare(a.authoredOn ?? '');
}

export function usePrescriptionWidget(options: UsePrescriptionWidgetOptions): PrescriptionWidgetState {
  const { patientId, prescriberId = 'unknown', recentCount = 10 } = options;
  const messages = useWidgetMessages('prescriptionWidget', prescriptionWidgetMessages);
  const reads = useRecordsAccess('prescriptions');
  const search = usePrescriptions({ patientId, count: 100 }, { enabled: reads.enabled && options.records !== false });
  const create = useCreatePrescription();

  const form = useClinicalForm({
    writes: { path: 'prescriptions' },
    schema: prescriptionCreateSchema,
    defaultValues: EMPTY_QUICK_PRESCRIPTION,
    validate: (values: QuickPrescriptionValues) =>
      values.medication === undefined ? [{ field: 'medication', message: messages.medicationRequired }] : [],
    toInput: (values: QuickPrescriptionValues) =>
      dropBlanks({ patientId, prescriberId, medication: values.medication, status: 'active', intent: 'order' }),
    submit: create.mutateAsync,
    onSuccess: options.onSuccess,
    onError: options.onError,
  });

  const records = [...(search.data?.data ?? [])].sort(byRelevance).slice(0, recentCount);

  return {
    ...form,
    records,
    ...recordsStateOf(search, records.length, reads.readable),
  };
}

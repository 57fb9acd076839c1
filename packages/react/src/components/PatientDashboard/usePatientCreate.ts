'use client';
/** The dashboard's create view, headless: a new patient from a short form, validated by the API's own schema. */
import { patientCreateSchema, type PatientSummary } from '@clinikapi/core';
import type { ClinikApiError } from '../../client/errors.ts';
import { useCreatePatient } from '../../hooks/resources/patients.ts';
import { useWidgetMessages } from '../../i18n/widget-messages.ts';
import { useClinicalForm, type ClinicalForm } from '../../headless/form/useClinicalForm.ts';
import { patientDashboardMessages } from './messages.ts';
import { createInputOf, EMPTY_PATIENT_FORM, type PatientFormValues } from './patient-form-values.ts';
import { patientFieldOf, patientFormIssues, withDashboardWording } from './patient-form-rules.ts';

export interface UsePatientCreateOptions {
  readonly onCreated?: ((patient: PatientSummary) => void) | undefined;
  readonly onError?: ((error: ClinikApiError) => void) | undefined;
}

export type PatientCreateState = ClinicalForm<PatientFormValues, PatientSummary>;

export function usePatientCreate(options: UsePatientCreateOptions = {}): PatientCreateState {
  const messages = useWidgetMessages('patientDashboard', patientDashboardMessages);
  const create = useCreatePatient();
  return useClinicalForm({
    writes: { path: 'patients' },
    schema: withDashboardWording(patientCreateSchema, messages),
    defaultValues: EMPTY_PATIENT_FORM,
    toInput: createInputOf,
    validate: (values) => patientFormIssues(values, messages),
    submit: create.mutateAsync,
    fieldOf: patientFieldOf,
    onSuccess: options.onCreated,
    onError: options.onError,
  });
}

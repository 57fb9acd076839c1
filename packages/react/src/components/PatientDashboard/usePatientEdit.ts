'use client';
/**
 * The dashboard's edit view, headless. Sends only what changed, with `If-Match` pinned to the version the user
 * started from. When someone else saved in between, the API answers 409 and nothing is overwritten: the hook reads
 * the latest version (by id — always current), shows which fields differ, and on request rebases the form onto it,
 * keeping the user's changes wherever the other person left the field alone.
 */
import { patientUpdateSchema, type PatientSummary } from '@clinikapi/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ClinikConflictError, type ClinikApiError } from '../../client/errors.ts';
import { useUpdatePatient } from '../../hooks/resources/patients.ts';
import { useWidgetMessages } from '../../i18n/widget-messages.ts';
import { resourceQueries } from '../../queries/resource-queries.ts';
import { useClinicalForm, type ClinicalForm } from '../../headless/form/useClinicalForm.ts';
import { patientDashboardMessages } from './messages.ts';
import { changedFields, formValuesOf, rebase, updateInputOf, type PatientFormValues } from './patient-form-values.ts';
import { patientFieldOf, patientFormIssues, withDashboardWording } from './patient-form-rules.ts';

export interface UsePatientEditOptions {
  /** The patient as the user sees it when they start editing: the version the change is based on. */
  readonly patient: PatientSummary;
  readonly onSaved?: ((patient: PatientSummary) => void) | undefined;
  readonly onError?: ((error: ClinikApiError) => void) | undefined;
}

/** A field someone else changed while the user was editing. */
export interface ConflictField {
  readonly field: keyof PatientFormValues;
  /** What the latest version says. */
  readonly theirs: string;
  /** What the user has typed. */
  readonly yours: string;
  /** The user changed it too, to something else. */
  readonly clash: boolean;
}

export interface PatientConflict {
  readonly latest: PatientSummary;
  readonly fields: readonly ConflictField[];
}

export interface PatientEditState extends ClinicalForm<PatientFormValues, PatientSummary> {
  /** The version the next save is based on. */
  readonly baseVersion: string;
  /** Set after a 409 until the user reviews the latest version. */
  readonly conflict: PatientConflict | null;
  /** True while the latest version is being read after a 409. */
  readonly loadingLatest: boolean;
  /** Rebases the form onto the latest version; returns the fields where the user's value was replaced. */
  readonly reviewLatest: () => void;
  /** After a review: the fields whose typed value gave way to the latest version. */
  readonly replaced: readonly (keyof PatientFormValues)[] | null;
}

export function usePatientEdit(options: UsePatientEditOptions): PatientEditState {
  const messages = useWidgetMessages('patientDashboard', patientDashboardMessages);
  const queryClient = useQueryClient();
  const update = useUpdatePatient();
  const [base, setBase] = useState(() => ({ version: options.patient.meta.versionId, values: formValuesOf(options.patient) }));
  const [conflict, setConflict] = useState<PatientConflict | null>(null);
  const [loadingLatest, setLoadingLatest] = useState(false);
  const [replaced, setReplaced] = useState<(keyof PatientFormValues)[] | null>(null);
  const id = options.patient.id;

  const showConflict = async (): Promise<void> => {
    setLoadingLatest(true);
    try {
      const latest = await queryClient.fetchQuery({ ...resourceQueries('patients').detail(id), staleTime: 0 });
      const theirs = formValuesOf(latest);
      const mine = form.form.getValues();
      const mineChanged = new Set(changedFields(base.values, mine));
      setConflict({
        latest,
        fields: changedFields(base.values, theirs).map((field) => ({
          field,
          theirs: theirs[field],
          yours: mine[field],
          clash: mineChanged.has(field) && mine[field].trim() !== theirs[field].trim(),
        })),
      });
    } finally {
      setLoadingLatest(false);
    }
  };

  const form = useClinicalForm({
    writes: { path: 'patients', interaction: 'update' },
    schema: withDashboardWording(patientUpdateSchema, messages),
    defaultValues: base.values,
    toInput: (values: PatientFormValues) => updateInputOf(base.values, values),
    validate: (values) => patientFormIssues(values, messages),
    submit: (changes) => update.mutateAsync({ id, changes, version: base.version }),
    fieldOf: patientFieldOf,
    onSuccess: options.onSaved,
    onError: (error) => {
      if (error instanceof ClinikConflictError) void showConflict();
      options.onError?.(error);
    },
  });

  return {
    ...form,
    // A conflict is shown as the conflict, not as a generic failure with "Try again" (which would only fail again).
    error: form.error instanceof ClinikConflictError ? null : form.error,
    baseVersion: base.version,
    conflict,
    loadingLatest,
    reviewLatest: () => {
      if (!conflict) return;
      const theirs = formValuesOf(conflict.latest);
      const { values, clashes } = rebase(base.values, form.form.getValues(), theirs);
      setBase({ version: conflict.latest.meta.versionId, values: theirs });
      form.form.reset(theirs);
      for (const [field, value] of Object.entries(values)) {
        if (value !== theirs[field as keyof PatientFormValues])
          form.form.setValue(field as keyof PatientFormValues, value, { shouldDirty: true });
      }
      setReplaced(clashes);
      setConflict(null);
    },
    replaced,
  };
}

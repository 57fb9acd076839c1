'use client';
import type { PatientCreate, PatientSummary } from '@clinikapi/core';
import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import type { ClinikApiError } from '../client/errors.ts';
import { patientKeys, patientQueries } from '../queries/patients.ts';
import { useClinikClient } from '../provider/context.ts';

/**
 * Creates a patient. The new record is put in the cache under its id at once (read-after-write by id is immediate
 * on ClinikAPI), and patient searches are refreshed.
 */
export function useCreatePatient(): UseMutationResult<PatientSummary, ClinikApiError, PatientCreate> {
  const client = useClinikClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: PatientCreate) =>
      (await client.request<PatientSummary>('POST', 'patients', { body: input })).data,
    onSuccess: (patient) => {
      queryClient.setQueryData(patientQueries.detail(patient.id).queryKey, patient);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: patientKeys.searches() }),
  });
}

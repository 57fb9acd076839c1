/** Type tests of the public generics: what each hook and factory returns and accepts, per resource path. */
import type {
  AllergyIntolerance,
  CreateInput,
  FhirResourceOf,
  JsonPatch,
  MedicationRequest,
  Observation,
  Paginated,
  PatientCreate,
  PatientSummary,
  UpdateInput,
} from '@clinikapi/core';
import { QueryClient, type InfiniteData } from '@tanstack/react-query';
import { describe, expectTypeOf, it } from 'vitest';
import type { ClinikApiError } from '../client/errors.ts';
import { observationQueries, patientQueries } from '../queries/resource-factories.ts';
import type { PatientRecord } from '../queries/patient-record.ts';
import { useAllergies } from './resources/allergies.ts';
import { useCreateObservation, useObservation, useUpdateObservation } from './resources/observations.ts';
import {
  useCreatePatient,
  useDeletePatient,
  useInfinitePatients,
  usePatient,
  usePatients,
  useUpdatePatient,
} from './resources/patients.ts';
import { usePrescriptions } from './resources/prescriptions.ts';
import { useCreateResource } from './useCreateResource.ts';
import { useInfiniteSearch } from './useInfiniteSearch.ts';
import { usePatientRecord } from './usePatientRecord.ts';
import { useResource } from './useResource.ts';
import { useSearch } from './useSearch.ts';

type Task = FhirResourceOf<'tasks'>;

describe('resource hooks', () => {
  it('answer with the resource of their path and a ClinikApiError', () => {
    expectTypeOf(usePatient('p1').data).toEqualTypeOf<PatientSummary | undefined>();
    expectTypeOf(usePatient('p1').error).toEqualTypeOf<ClinikApiError | null>();
    expectTypeOf(useObservation('o1').data).toEqualTypeOf<Observation | undefined>();
    expectTypeOf(usePatients({ name: 'ok' }).data).toEqualTypeOf<Paginated<PatientSummary> | undefined>();
    expectTypeOf(useAllergies({ patientId: 'p1' }).data?.data).toEqualTypeOf<readonly AllergyIntolerance[] | undefined>();
    expectTypeOf(usePrescriptions().data?.data[0]).toEqualTypeOf<MedicationRequest | undefined>();
    expectTypeOf(useInfinitePatients({ name: 'ok' }).data).toEqualTypeOf<
      InfiniteData<Paginated<PatientSummary>, string | undefined> | undefined
    >();
  });

  it('narrow their data through select', () => {
    const names = usePatients({}, { select: (page) => page.data.map((patient) => patient.fullName) });
    expectTypeOf(names.data).toEqualTypeOf<string[] | undefined>();
    const status = useObservation('o1', { select: (observation) => observation.status });
    expectTypeOf(status.data).toEqualTypeOf<Observation['status'] | undefined>();
  });

  it('take the path’s search parameters', () => {
    usePatients({ name: 'okafor', active: true, count: 10 });
    // @ts-expect-error patients are searched by name, not by patientId
    usePatients({ patientId: 'p1' });
    useAllergies({ patientId: 'p1', clinicalStatus: 'active' });
    // @ts-expect-error a search parameter is a string, number or boolean
    useAllergies({ patientId: ['p1'] });
  });

  it('mutate with the simplified shapes of their path', () => {
    expectTypeOf(useCreatePatient().mutate).parameter(0).toEqualTypeOf<PatientCreate>();
    expectTypeOf(useCreatePatient().data).toEqualTypeOf<PatientSummary | undefined>();
    expectTypeOf(useCreateObservation().mutate).parameter(0).toEqualTypeOf<CreateInput<'observations'>>();
    expectTypeOf(useCreateObservation().data).toEqualTypeOf<Observation | undefined>();
    expectTypeOf(useUpdateObservation().mutate).parameter(0).toHaveProperty('changes').toEqualTypeOf<UpdateInput<'observations'>>();
    expectTypeOf<JsonPatch>().toExtend<UpdateInput<'patients'>>();
    expectTypeOf(useUpdatePatient().error).toEqualTypeOf<ClinikApiError | null>();
    expectTypeOf(useDeletePatient().mutate).parameter(0).toEqualTypeOf<{ readonly id: string; readonly version?: string | undefined }>();
    // @ts-expect-error a patient needs a last name
    useCreatePatient().mutate({ firstName: 'Ada' });
    // @ts-expect-error an update names the record it changes
    useUpdatePatient().mutate({ changes: { phone: '1' } });
  });
});

describe('generic hooks', () => {
  it('serve the other paths with their FHIR type', () => {
    expectTypeOf(useResource('tasks', 't1').data).toEqualTypeOf<Task | undefined>();
    expectTypeOf(useSearch('tasks', { patientId: 'p1', status: 'requested' }).data?.data).toEqualTypeOf<readonly Task[] | undefined>();
    expectTypeOf(useInfiniteSearch('tasks').data?.pages).toEqualTypeOf<Paginated<Task>[] | undefined>();
    expectTypeOf(useCreateResource('tasks').mutate).parameter(0).toEqualTypeOf<CreateInput<'tasks'>>();
    // @ts-expect-error not a ClinikAPI path
    useResource('nope', 'x');
  });

  it('bring a typed patient record', () => {
    const record = usePatientRecord('p1', { include: ['observations', 'allergies'] });
    expectTypeOf(record.data).toEqualTypeOf<PatientRecord<'observations' | 'allergies'> | undefined>();
    expectTypeOf(record.data!.included.observations).toEqualTypeOf<readonly Observation[]>();
    expectTypeOf(record.data!.patient).toEqualTypeOf<PatientSummary>();
    // @ts-expect-error practitioners belong to no patient
    usePatientRecord('p1', { include: ['practitioners'] });
  });
});

describe('query-options factories', () => {
  it('carry their data type to getQueryData and setQueryData', () => {
    const queryClient = new QueryClient();
    expectTypeOf(queryClient.getQueryData(patientQueries.detail('p1').queryKey)).toEqualTypeOf<PatientSummary | undefined>();
    expectTypeOf(queryClient.getQueryData(observationQueries.search({ patientId: 'p1' }).queryKey)).toEqualTypeOf<
      Paginated<Observation> | undefined
    >();
    // @ts-expect-error the cache of a patient holds a PatientSummary
    queryClient.setQueryData(patientQueries.detail('p1').queryKey, { resourceType: 'Observation' });
    expectTypeOf(observationQueries.keys.searches()).toEqualTypeOf<readonly ['clinikapi', 'observations', 'search']>();
  });
});

/** Type tests of the Cliniko entry: ids are strings everywhere, and each hook and factory answers its record type. */
import { QueryClient, type InfiniteData } from '@tanstack/react-query';
import { describe, expectTypeOf, it } from 'vitest';
import type { ClinikApiError } from '../../client/errors.ts';
import { clinikoIdOf } from '../links.ts';
import { clinikoAppointmentQueries } from '../queries/appointments.ts';
import { clinikoPatientQueries } from '../queries/patients.ts';
import type {
  ClinikoAppointment,
  ClinikoAppointmentInput,
  ClinikoBusiness,
  ClinikoId,
  ClinikoList,
  ClinikoPatient,
  ClinikoPractitioner,
} from '../types.ts';
import { useBookClinikoAppointment, useCancelClinikoAppointment, useClinikoAppointments } from './appointments.ts';
import { useClinikoAvailableTimes } from './availability.ts';
import { useClinikoBusiness, useClinikoPractitioners } from './directory.ts';
import { useClinikoPatient, useClinikoPatients, useInfiniteClinikoPatients } from './patients.ts';

const LONG_ID = '836447129235883061';

describe('Cliniko ids', () => {
  it('are strings in every record, relation and input, never numbers', () => {
    expectTypeOf<ClinikoId>().toEqualTypeOf<string>();
    expectTypeOf<ClinikoPatient['id']>().toEqualTypeOf<string>();
    expectTypeOf<ClinikoAppointment['id']>().toEqualTypeOf<string>();
    expectTypeOf<ClinikoAppointmentInput['patient_id']>().toEqualTypeOf<string>();
    expectTypeOf(clinikoIdOf).returns.toEqualTypeOf<string | undefined>();
    // @ts-expect-error an id is never a number: 836447129235883061 as a number is already another id
    useClinikoPatient(1001);
    // @ts-expect-error nor in a list filter
    useClinikoAppointments({ patientId: 1001 });
    useBookClinikoAppointment().mutate({
      starts_at: '2025-03-07T00:00:00Z',
      // @ts-expect-error nor in a body
      patient_id: 1001,
      practitioner_id: LONG_ID,
      appointment_type_id: LONG_ID,
      business_id: LONG_ID,
    });
  });
});

describe('Cliniko hooks', () => {
  it('answer their record types and a ClinikApiError', () => {
    expectTypeOf(useClinikoPatient(LONG_ID).data).toEqualTypeOf<ClinikoPatient | undefined>();
    expectTypeOf(useClinikoPatient(LONG_ID).error).toEqualTypeOf<ClinikApiError | null>();
    expectTypeOf(useClinikoBusiness(undefined).data).toEqualTypeOf<ClinikoBusiness | undefined>();
    expectTypeOf(useClinikoPatients({ name: 'smith' }).data?.patients).toEqualTypeOf<readonly ClinikoPatient[] | undefined>();
    expectTypeOf(useClinikoPractitioners({ businessId: LONG_ID }).data).toEqualTypeOf<
      ClinikoList<'practitioners', ClinikoPractitioner> | undefined
    >();
    expectTypeOf(useClinikoAvailableTimes(undefined).data?.available_times[0]?.appointment_start).toEqualTypeOf<string | undefined>();
    expectTypeOf(useInfiniteClinikoPatients({ perPage: 50 }).data).toEqualTypeOf<
      InfiniteData<ClinikoList<'patients', ClinikoPatient>, string | undefined> | undefined
    >();
  });

  it('take select, which changes the data type', () => {
    expectTypeOf(useClinikoPatient(LONG_ID, { select: (patient) => patient.label }).data).toEqualTypeOf<string | undefined>();
    expectTypeOf(useClinikoPatients({}, { select: (page) => page.total_entries }).data).toEqualTypeOf<number | undefined>();
  });

  it('write with typed variables', () => {
    expectTypeOf(useBookClinikoAppointment().mutateAsync).returns.resolves.toEqualTypeOf<ClinikoAppointment>();
    // @ts-expect-error Cliniko requires a cancellation reason
    useCancelClinikoAppointment().mutate({ id: LONG_ID });
    // @ts-expect-error and only its own codes
    useCancelClinikoAppointment().mutate({ id: LONG_ID, reason: 99 });
  });
});

describe('Cliniko query-options factories', () => {
  it('tag their keys with the data type, for getQueryData and setQueryData', () => {
    const queryClient = new QueryClient();
    expectTypeOf(queryClient.getQueryData(clinikoPatientQueries.detail(LONG_ID).queryKey)).toEqualTypeOf<ClinikoPatient | undefined>();
    expectTypeOf(queryClient.getQueryData(clinikoAppointmentQueries.list({ patientId: LONG_ID }).queryKey)).toEqualTypeOf<
      ClinikoList<'individual_appointments', ClinikoAppointment> | undefined
    >();
  });
});

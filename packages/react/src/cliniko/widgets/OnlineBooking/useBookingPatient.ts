'use client';
/**
 * Who the appointment is for. A signed-in patient (`patientId`) books for themselves only: their record is read and
 * nothing else is offered. Front desk finds an existing patient — by family name, "first family", or email — or
 * enters a new one, created when the booking is confirmed.
 */
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import type { ClinikApiError } from '../../../client/errors.ts';
import { useDebouncedValue } from '../../../hooks/useDebouncedValue.ts';
import { useClinikoPatient, useClinikoPatients } from '../../hooks/patients.ts';
import type { ClinikoPatientSearchParams } from '../../queries/patients.ts';
import type { ClinikoId, ClinikoPatient, ClinikoPatientInput } from '../../types.ts';

export type PatientMode = 'self' | 'existing' | 'new';

/** The new patient's fields, as typed. */
export interface NewPatientValues {
  first_name: string;
  last_name: string;
  email: string;
  phone: string;
  date_of_birth: string;
}

export const NEW_PATIENT_FIELDS = ['first_name', 'last_name', 'email', 'phone', 'date_of_birth'] as const;

/** Patients shown per search: a booking page is no place to scroll through a clinic. */
const SEARCH_SIZE = 10;

export interface BookingPatient {
  readonly mode: PatientMode;
  setMode(mode: 'existing' | 'new'): void;
  /** Self mode: the signed-in patient's record. */
  readonly self: { readonly patient: ClinikoPatient | undefined; readonly error: ClinikApiError | null; readonly retry: () => void };
  readonly query: string;
  setQuery(query: string): void;
  readonly search: {
    readonly status: 'short' | 'loading' | 'error' | 'empty' | 'ready';
    readonly patients: readonly ClinikoPatient[];
    readonly total: number;
    readonly searchedFor: string;
    readonly error: ClinikApiError | null;
    readonly retry: () => void;
  };
  readonly selected: ClinikoPatient | undefined;
  select(id: ClinikoId): void;
  readonly values: NewPatientValues;
  setValue(field: keyof NewPatientValues, value: string): void;
  /** Per field: what is missing, or what Cliniko refused. */
  readonly fieldErrors: Partial<Record<keyof NewPatientValues, string>>;
  setFieldErrors(errors: Partial<Record<keyof NewPatientValues, string>>): void;
  /** The patient to book for is known (or, for a new one, the required names are typed). */
  readonly ready: boolean;
  /** The name to show in the summary. */
  readonly name: string | undefined;
  /** The body that creates the new patient. */
  readonly input: ClinikoPatientInput;
}

/** What the search box means: an email when it has an `@`, else a name. */
function searchParams(query: string): ClinikoPatientSearchParams {
  const text = query.trim();
  return { ...(text.includes('@') ? { email: text } : { name: text }), perPage: SEARCH_SIZE };
}

export function useBookingPatient(patientId: ClinikoId | undefined, onChange: () => void): BookingPatient {
  const [mode, setModeState] = useState<'existing' | 'new'>('existing');
  const [query, setQueryState] = useState('');
  const [selectedId, setSelectedId] = useState<ClinikoId>();
  const [values, setValues] = useState<NewPatientValues>({ first_name: '', last_name: '', email: '', phone: '', date_of_birth: '' });
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<keyof NewPatientValues, string>>>({});
  const self = useClinikoPatient(patientId);
  const searchedFor = useDebouncedValue(query.trim(), 250);
  const searching = patientId === undefined && mode === 'existing' && searchedFor.length >= 2;
  const results = useClinikoPatients(searchParams(searchedFor), { enabled: searching, placeholderData: keepPreviousData });
  const patients = searching ? (results.data?.patients ?? []) : [];
  const selected = patients.find((patient) => patient.id === selectedId);

  let status: BookingPatient['search']['status'] = 'ready';
  if (!searching) status = 'short';
  else if (results.error) status = 'error';
  else if (results.isPending) status = 'loading';
  else if (patients.length === 0) status = 'empty';

  const input: ClinikoPatientInput = {
    first_name: values.first_name.trim(),
    last_name: values.last_name.trim(),
    ...(values.email.trim() ? { email: values.email.trim() } : {}),
    ...(values.date_of_birth ? { date_of_birth: values.date_of_birth } : {}),
    ...(values.phone.trim() ? { patient_phone_numbers: [{ phone_type: 'Mobile', number: values.phone.trim() }] } : {}),
  };
  const effectiveMode: PatientMode = patientId !== undefined ? 'self' : mode;
  const name =
    effectiveMode === 'self'
      ? self.data?.label
      : effectiveMode === 'existing'
        ? selected?.label
        : `${input.first_name} ${input.last_name}`.trim() || undefined;

  return {
    mode: effectiveMode,
    setMode: (next) => {
      setModeState(next);
      onChange();
    },
    self: { patient: self.data, error: self.error, retry: () => void self.refetch() },
    query,
    setQuery: (next) => {
      setQueryState(next);
      setSelectedId(undefined);
      onChange();
    },
    search: {
      status,
      patients,
      total: searching ? (results.data?.total_entries ?? 0) : 0,
      searchedFor,
      error: results.error,
      retry: () => void results.refetch(),
    },
    selected,
    select: (id) => {
      setSelectedId(id);
      onChange();
    },
    values,
    setValue: (field, value) => {
      setValues((current) => ({ ...current, [field]: value }));
      setFieldErrors(({ [field]: _fixed, ...others }) => others);
      onChange();
    },
    fieldErrors,
    setFieldErrors,
    ready:
      effectiveMode === 'self'
        ? self.data !== undefined
        : effectiveMode === 'existing'
          ? selected !== undefined
          : input.first_name !== '' && input.last_name !== '',
    name,
    input,
  };
}

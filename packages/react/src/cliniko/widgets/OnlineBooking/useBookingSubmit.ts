'use client';
/**
 * Booking the chosen time, safely. Right before booking, the day's free times are read again: a time taken since
 * the page showed it is a lost race, told to the user with the next free times, never a double booking. A race lost
 * in the moment between that check and the booking comes back from Cliniko as a 422 on `starts_at` (when the clinic
 * refuses double bookings) and is handled the same way. A new patient is created once, however often the user tries
 * again; and after an answer that never came, the patient's appointments are read before booking again, so a booking
 * that did go through is not made twice (Cliniko has no idempotency key).
 */
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { ClinikValidationError, type ClinikApiError } from '../../../client/errors.ts';
import { toInstantString } from '../../../components/AppointmentScheduler/zoned-time.ts';
import { useBookClinikoAppointment } from '../../hooks/appointments.ts';
import { useCreateClinikoPatient } from '../../hooks/patients.ts';
import { clinikoAppointmentQueries } from '../../queries/appointments.ts';
import { clinikoAvailabilityQueries, type ClinikoBookingTarget } from '../../queries/availability.ts';
import { clinikoIdOf } from '../../links.ts';
import type { ClinikoAppointment, ClinikoId, ClinikoPatientInput } from '../../types.ts';
import { NEW_PATIENT_FIELDS, type NewPatientValues } from './useBookingPatient.ts';
import type { WidgetHookOptions } from '../../../headless/widget-hook-options.ts';

export type SubmitStatus = 'idle' | 'checking' | 'booking' | 'booked' | 'lost' | 'error';

/** Free starts offered after a lost race. */
const ALTERNATIVES = 3;

export interface BookingRequest {
  readonly target: ClinikoBookingTarget;
  /** The day of the chosen time, on the business's clock. */
  readonly date: string;
  readonly time: number;
  /** The patient's id, or the body that creates them. */
  readonly patient: { readonly id: ClinikoId } | { readonly create: ClinikoPatientInput };
  /** Cliniko refused the new patient's fields: show them on the form. */
  readonly onPatientErrors?: (errors: Partial<Record<keyof NewPatientValues, string>>) => void;
}

export interface BookingSubmit {
  readonly status: SubmitStatus;
  readonly error: ClinikApiError | null;
  /** Which step the error is about. */
  readonly errorStep: 'patient' | 'booking' | undefined;
  readonly booked: ClinikoAppointment | undefined;
  /** After a lost race: the time that was taken, and free times to offer instead. */
  readonly lost: { readonly time: number; readonly alternatives: readonly number[] } | undefined;
  submit(request: BookingRequest): Promise<void>;
  /**
   * Tries the last request again, as it was: after a booking whose answer was lost, its time may no longer show as
   * free (it may be this booking's), and the check finds out which.
   */
  retry(): Promise<void>;
  /** Back to idle: a choice changed. */
  reset(): void;
}

export type UseBookingSubmitOptions = Pick<WidgetHookOptions<ClinikoAppointment>, 'onSuccess' | 'onError'>;

/** A booking whose answer was lost may have been made: an answer at all, and not a 5xx, says it was not. */
const outcomeUnknown = (error: ClinikApiError): boolean => error.status === 0 || error.status >= 500;

export function useBookingSubmit(options: UseBookingSubmitOptions): BookingSubmit {
  const queryClient = useQueryClient();
  const createPatient = useCreateClinikoPatient();
  const book = useBookClinikoAppointment();
  const [state, setState] = useState<Omit<BookingSubmit, 'submit' | 'retry' | 'reset'>>({
    status: 'idle',
    error: null,
    errorStep: undefined,
    booked: undefined,
    lost: undefined,
  });
  // The patient made by an earlier attempt (keyed by what was typed), and whether the last booking's answer was lost.
  const created = useRef<{ input: string; id: ClinikoId }>(undefined);
  const unknown = useRef(false);
  const last = useRef<BookingRequest>(undefined);

  const freeTimes = async (target: ClinikoBookingTarget, from: string, to: string): Promise<number[]> => {
    const page = await queryClient.fetchQuery(clinikoAvailabilityQueries.availableTimes({ ...target, from, to }));
    return page.available_times.map((time) => Date.parse(time.appointment_start));
  };

  const loseRace = async (request: BookingRequest) => {
    // The whole week on view is out of date too.
    void queryClient.invalidateQueries({ queryKey: clinikoAvailabilityQueries.keys.availableTimes.all });
    const later = await freeTimes(request.target, request.date, request.date).catch(() => []);
    setState({
      status: 'lost',
      error: null,
      errorStep: undefined,
      booked: undefined,
      lost: { time: request.time, alternatives: later.filter((time) => time > request.time).slice(0, ALTERNATIVES) },
    });
  };

  /** The patient's id when it is known without writing anything: given, or created by an earlier attempt. */
  const knownPatientId = (request: BookingRequest): ClinikoId | undefined =>
    'id' in request.patient
      ? request.patient.id
      : created.current?.input === JSON.stringify(request.patient.create)
        ? created.current.id
        : undefined;

  const patientIdOf = async (request: BookingRequest): Promise<ClinikoId> => {
    const known = knownPatientId(request);
    if (known !== undefined) return known;
    const { create } = request.patient as { readonly create: ClinikoPatientInput };
    const patient = await createPatient.mutateAsync(create);
    created.current = { input: JSON.stringify(create), id: patient.id };
    return patient.id;
  };

  /** The patient's appointment at that start with that practitioner, if an earlier attempt made it. */
  const alreadyBooked = async (request: BookingRequest, patientId: ClinikoId): Promise<ClinikoAppointment | undefined> => {
    const page = await queryClient.fetchQuery({
      ...clinikoAppointmentQueries.list({
        patientId,
        startsFrom: toInstantString(request.time),
        startsBefore: toInstantString(request.time + 60_000),
      }),
      staleTime: 0,
    });
    return page.individual_appointments.find((appointment) => clinikoIdOf(appointment.practitioner) === request.target.practitionerId);
  };

  const submit = async (request: BookingRequest) => {
    last.current = request;
    setState({ status: 'checking', error: null, errorStep: undefined, booked: undefined, lost: undefined });
    // Only a failure of the booking itself can leave a booking made behind it.
    let step: 'check' | 'patient' | 'booking' = 'check';
    try {
      if (!(await freeTimes(request.target, request.date, request.date)).includes(request.time)) {
        // Unless the time went to this page's own booking, whose answer was lost.
        const known = unknown.current ? knownPatientId(request) : undefined;
        if (!(known !== undefined && (await alreadyBooked(request, known)))) return await loseRace(request);
      }
      step = 'patient';
      const patientId = await patientIdOf(request);
      step = 'booking';
      setState((current) => ({ ...current, status: 'booking' }));
      const appointment =
        (unknown.current ? await alreadyBooked(request, patientId) : undefined) ??
        (await book.mutateAsync({
          starts_at: toInstantString(request.time),
          patient_id: patientId,
          practitioner_id: request.target.practitionerId,
          appointment_type_id: request.target.appointmentTypeId,
          business_id: request.target.businessId,
        }));
      unknown.current = false;
      setState({ status: 'booked', error: null, errorStep: undefined, booked: appointment, lost: undefined });
      options.onSuccess?.(appointment);
    } catch (caught) {
      const error = caught as ClinikApiError;
      if (step === 'booking' && error instanceof ClinikValidationError && error.fieldErrors.starts_at) return loseRace(request);
      if (step === 'patient' && error instanceof ClinikValidationError) {
        request.onPatientErrors?.(
          Object.fromEntries(
            NEW_PATIENT_FIELDS.flatMap((field) => (error.fieldErrors[field] ? [[field, error.fieldErrors[field]?.join(' ')]] : [])),
          ),
        );
      }
      if (step === 'booking' && outcomeUnknown(error)) unknown.current = true;
      setState({ status: 'error', error, errorStep: step === 'patient' ? 'patient' : 'booking', booked: undefined, lost: undefined });
      options.onError?.(error);
    }
  };

  return {
    ...state,
    submit,
    retry: async () => {
      if (last.current) await submit(last.current);
    },
    reset: () =>
      setState((current) =>
        current.status === 'idle' ? current : { status: 'idle', error: null, errorStep: undefined, booked: undefined, lost: undefined },
      ),
  };
}

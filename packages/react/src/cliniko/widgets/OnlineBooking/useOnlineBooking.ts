'use client';
/**
 * The headless OnlineBooking: business → practitioner → appointment type → day → time (on the business's clock) →
 * patient → confirm, as state and actions. `OnlineBooking` is a skin over it; an app with its own design renders
 * the same state itself.
 */
import { useWidgetMessages } from '../../../i18n/widget-messages.ts';
import type { ClinikoAppointment, ClinikoId } from '../../types.ts';
import { businessZone } from '../zone.ts';
import { useBookingCalendar, type BookingCalendar } from './useBookingCalendar.ts';
import { useBookingChoices, type BookingChoices } from './useBookingChoices.ts';
import { useBookingPatient, type BookingPatient } from './useBookingPatient.ts';
import { useBookingSubmit, type BookingSubmit } from './useBookingSubmit.ts';
import { onlineBookingMessages } from './messages.ts';
import type { WidgetHookOptions } from '../../../headless/widget-hook-options.ts';

export interface UseOnlineBookingOptions extends Omit<WidgetHookOptions<ClinikoAppointment>, 'patientId'> {
  /**
   * A signed-in patient's own Cliniko patient id (the proxy's patient compartment): they book for themselves only,
   * and no search or new-patient form is offered. Leave it out for front desk, who book for anyone.
   */
  readonly patientId?: ClinikoId | undefined;
  /** Chosen at first; the user can choose another. */
  readonly businessId?: ClinikoId | undefined;
  readonly practitionerId?: ClinikoId | undefined;
  readonly appointmentTypeId?: ClinikoId | undefined;
  /** The IANA zone for a business that does not name its own (Cliniko accounts without per-business zones). */
  readonly timeZone?: string | undefined;
}

/** The first thing still to choose. */
export type BookingStep = 'business' | 'practitioner' | 'type' | 'time' | 'patient' | 'confirm' | 'booked';

export interface OnlineBookingState extends BookingChoices {
  readonly step: BookingStep;
  /** The zone every time is shown in: the business's. */
  readonly timeZone: string;
  readonly calendar: BookingCalendar;
  readonly patient: BookingPatient;
  readonly submission: BookingSubmit;
  /** Books the chosen time: checks it is still free, creates a new patient once, books. */
  confirm(): Promise<void>;
}

export function useOnlineBooking(options: UseOnlineBookingOptions): OnlineBookingState {
  const messages = useWidgetMessages('onlineBooking', onlineBookingMessages);
  const submission = useBookingSubmit({ onSuccess: options.onSuccess, onError: options.onError });
  // Any change of choice after a failure or a lost race starts the submission afresh.
  const onChange = submission.reset;
  const choices = useBookingChoices(options, onChange);
  const business = choices.businesses.chosen;
  const practitioner = choices.practitioners.chosen;
  const type = choices.types.chosen;
  const timeZone = businessZone(business, options.timeZone);
  const target =
    business && practitioner && type ? { businessId: business.id, practitionerId: practitioner.id, appointmentTypeId: type.id } : undefined;
  const calendar = useBookingCalendar(target, timeZone, onChange);
  const patient = useBookingPatient(options.patientId, onChange);

  let step: BookingStep = 'confirm';
  if (submission.status === 'booked') step = 'booked';
  else if (!business) step = 'business';
  else if (!practitioner) step = 'practitioner';
  else if (!type) step = 'type';
  else if (calendar.time === undefined) step = 'time';
  else if (!patient.ready) step = 'patient';

  return {
    ...choices,
    step,
    timeZone,
    calendar,
    patient,
    submission,
    confirm: async () => {
      if (patient.mode === 'new') {
        const missing = {
          ...(patient.input.first_name ? {} : { first_name: messages.required }),
          ...(patient.input.last_name ? {} : { last_name: messages.required }),
        };
        if (Object.keys(missing).length > 0) return patient.setFieldErrors(missing);
      }
      if (!target || calendar.time === undefined || !calendar.day || !patient.ready) return;
      const who =
        patient.mode === 'new'
          ? { create: patient.input }
          : { id: (patient.mode === 'self' ? patient.self.patient?.id : patient.selected?.id) as ClinikoId };
      await submission.submit({
        target,
        date: calendar.day.date,
        time: calendar.time,
        patient: who,
        onPatientErrors: patient.setFieldErrors,
      });
    },
  };
}

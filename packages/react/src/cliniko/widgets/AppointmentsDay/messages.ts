/** Every string AppointmentsDay shows, overridable through the provider's `messages={{ appointmentsDay: {...} }}`. */
export const appointmentsDayMessages = {
  title: 'Appointments',
  /** `{zone}`: the zone's name in the user's language; `{id}`: its IANA id. */
  timeZone: 'Times are in the clinic’s time zone: {zone} ({id}).',
  date: 'Day',
  previous: 'Previous day',
  today: 'Today',
  next: 'Next day',
  loading: 'Loading the day…',
  loadError: 'The day’s appointments could not be loaded.',
  empty: 'No appointments on this day.',
  /** `{count}`: how many appointments. */
  count: '{count} appointments',
  /** `{minutes}`: the appointment's length. */
  duration: '{minutes} min',
  /** When an appointment has no type (or its type could not be read). */
  noType: 'Appointment',
  arrived: 'Arrived',
  didNotArrive: 'Did not arrive',
  /** `{name}`: the practitioner, in a business's day. */
  with: 'with {name}',
};

export type AppointmentsDayMessages = typeof appointmentsDayMessages;

declare module '../../../i18n/widget-messages.ts' {
  interface WidgetMessageCatalogue {
    appointmentsDay: AppointmentsDayMessages;
  }
}

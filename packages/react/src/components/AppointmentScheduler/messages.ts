/** Every string AppointmentScheduler shows, overridable through `<ClinikProvider messages={{ appointmentScheduler: {...} }}>`. */
export const appointmentSchedulerMessages = {
  title: 'Book an appointment',
  formTitle: 'Appointment details',
  practitioner: 'Practitioner',
  practitionerNone: 'No particular practitioner',
  practitionersError: 'The practitioner list could not be loaded.',
  date: 'Date',
  /** `{zone}` is the zone's name in the user's language, `{id}` its IANA id (America/Chicago). */
  timeZone: 'Times are in {zone} ({id}).',
  time: 'Time',
  timeHelp: 'Use the arrow keys to move between times. Unavailable times are skipped.',
  timeRequired: 'Choose a time',
  slotBooked: 'unavailable, booked',
  slotPast: 'unavailable, already past',
  slotClosing: 'unavailable, runs past closing time',
  noSlots: 'There are no times to book on this day.',
  chooseDate: 'Choose a date to see the free times.',
  /** `{time}` is the chosen start in the viewer's own time zone, `{zone}` that zone's name. */
  localTime: 'That is {time} in your time zone ({zone}).',
  duration: 'Duration',
  durationOption: '{minutes} minutes',
  appointmentType: 'Appointment type',
  notSpecified: 'Not specified',
  serviceType: 'Service type',
  serviceTypeHelp: 'What is being booked, e.g. Cardiology consultation',
  specialty: 'Specialty',
  specialtyHelp: 'The specialty required, e.g. Cardiology',
  priority: 'Priority',
  description: 'Description',
  descriptionHelp: 'A subject line, e.g. Follow-up for hypertension',
  reason: 'Reason for the visit',
  patientInstruction: 'Instructions for the patient',
  patientInstructionHelp: 'e.g. Fast for 12 hours before the visit',
  agendaTitle: 'Already booked that day',
  agendaLoading: 'Loading the day’s appointments…',
  agendaEmpty: 'Nothing is booked yet on this day.',
  agendaError: 'The day’s appointments could not be loaded, so clashes cannot be checked before booking.',
  /** Another patient's appointment: shown without any detail, which would be someone else's health information. */
  agendaBusy: 'Booked',
  agendaPatient: 'This patient: {description}',
  agendaPatientElsewhere: 'This patient, with another practitioner',
  agendaNoDescription: 'appointment',
  /** `{range}` is the clashing appointment's times, e.g. 2:00 – 2:30 PM. */
  overlapPractitioner: 'Clashes with the practitioner’s appointment at {range}.',
  overlapPatient: 'Clashes with this patient’s appointment at {range}.',
  inPast: 'This time has already passed',
  slotTaken: 'That time was booked by someone else a moment ago. Choose another time.',
  save: 'Book appointment',
  saving: 'Booking…',
  /** `{when}` is the date and times, `{zone}` the clinic's zone. */
  saved: 'Booked for {when} ({zone}).',
  saveError: 'The appointment was not booked.',
};

export type AppointmentSchedulerMessages = typeof appointmentSchedulerMessages;

declare module '../../i18n/widget-messages.ts' {
  interface WidgetMessageCatalogue {
    appointmentScheduler: AppointmentSchedulerMessages;
  }
}

/** Every string OnlineBooking shows, overridable through the provider's `messages={{ onlineBooking: {...} }}`. */
export const onlineBookingMessages = {
  title: 'Book an appointment',
  loading: 'Loading…',
  business: 'Location',
  businessesError: 'The locations could not be loaded.',
  noBusinesses: 'No location takes online bookings.',
  practitioner: 'Practitioner',
  practitionersError: 'The practitioners could not be loaded.',
  noPractitioners: 'No practitioner takes online bookings here.',
  appointmentType: 'Appointment type',
  typesError: 'The appointment types could not be loaded.',
  noTypes: 'This practitioner has nothing to book online.',
  /** `{minutes}`: the appointment type's length. */
  duration: '{minutes} min',
  day: 'Day',
  /** `{zone}`: the zone's name in the user's language; `{id}`: its IANA id (Australia/Melbourne). */
  timeZone: 'Times are in the clinic’s time zone: {zone} ({id}).',
  earlier: 'Earlier days',
  later: 'Later days',
  noTimesOnDay: 'no free times',
  noTimesInDays: 'No free times on these days.',
  /** `{when}`: the next free date and time. */
  nextFree: 'The next free time is {when}.',
  showNextFree: 'Show that day',
  timesError: 'The free times could not be loaded.',
  time: 'Time',
  /** `{time}`: the chosen start on the user's own clock; `{zone}`: their zone. */
  viewerTime: 'That is {time} where you are ({zone}).',
  patient: 'Patient',
  /** A signed-in patient books for themselves only. `{name}`: their name. */
  bookingFor: 'Booking for {name}.',
  selfError: 'Your details could not be loaded.',
  bookFor: 'Book for',
  existingPatient: 'An existing patient',
  newPatient: 'A new patient',
  search: 'Find the patient',
  searchHelp: 'A family name, a first and family name, or an email address.',
  searchShort: 'Type at least two letters.',
  matches: 'Matching patients',
  /** `{query}`: what was typed. */
  searchEmpty: 'No patient matches “{query}”.',
  /** `{shown}`, `{total}`: counts. */
  searchMore: 'Showing {shown} of {total}: type more to narrow the list.',
  searchError: 'Patients could not be searched.',
  firstName: 'First name',
  lastName: 'Family name',
  email: 'Email',
  phone: 'Mobile phone',
  dateOfBirth: 'Date of birth',
  required: 'Required',
  summary: 'Check and book',
  /** `{type}`, `{practitioner}`, `{business}`, `{when}`, `{zone}`, `{patient}`. */
  summaryText: '{type} with {practitioner} at {business}, {when} ({zone}), for {patient}.',
  chooseEverything: 'Choose a location, practitioner, appointment type, day, time and patient to book.',
  book: 'Book appointment',
  checking: 'Checking the time is still free…',
  booking: 'Booking…',
  /** The same placeholders as `summaryText`. */
  booked: 'Booked: {type} with {practitioner} at {business}, {when} ({zone}).',
  bookAnother: 'Book another appointment',
  /** `{time}`: the time that was taken. */
  lost: 'Sorry — {time} was booked by someone else a moment ago. Choose another time.',
  alternatives: 'The next free times',
  noAlternatives: 'Nothing else is free on these days: try later days.',
  bookError: 'The appointment was not booked.',
  patientError: 'The patient was not saved.',
};

export type OnlineBookingMessages = typeof onlineBookingMessages;

declare module '../../../i18n/widget-messages.ts' {
  interface WidgetMessageCatalogue {
    onlineBooking: OnlineBookingMessages;
  }
}

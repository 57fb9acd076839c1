export { OnlineBooking, type OnlineBookingProps, type OnlineBookingSlot } from './OnlineBooking.tsx';
export { useOnlineBooking, type BookingStep, type OnlineBookingState, type UseOnlineBookingOptions } from './useOnlineBooking.ts';
export { onlineBookingMessages, type OnlineBookingMessages } from './messages.ts';
export type { BookingCalendar, BookingDay, CalendarStatus } from './useBookingCalendar.ts';
export type { BookingChoices, ChoiceList, ListStatus } from './useBookingChoices.ts';
export type { BookingPatient, NewPatientValues, PatientMode } from './useBookingPatient.ts';
export type { BookingRequest, BookingSubmit, SubmitStatus } from './useBookingSubmit.ts';

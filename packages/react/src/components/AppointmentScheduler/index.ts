export { AppointmentScheduler, type AppointmentSchedulerProps, type AppointmentSchedulerSlot } from './AppointmentScheduler.tsx';
export {
  APPOINTMENT_DURATIONS,
  APPOINTMENT_PRIORITIES,
  APPOINTMENT_TYPES,
  useAppointmentScheduler,
  type AppointmentFormValues,
  type AppointmentSchedulerState,
  type AppointmentType,
  type SchedulerSlot,
  type SlotAvailability,
  type UseAppointmentSchedulerOptions,
} from './useAppointmentScheduler.ts';
export { appointmentSchedulerMessages, type AppointmentSchedulerMessages } from './messages.ts';
export { type BusyInterval } from './schedule.ts';
export { type PractitionerChoice } from './usePractitionerChoices.ts';

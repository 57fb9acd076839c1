export { AppointmentsDay, type AppointmentsDayProps, type AppointmentsDaySlot } from './AppointmentsDay.tsx';
export {
  useAppointmentsDay,
  type AppointmentsDayState,
  type AppointmentsDayStatus,
  type DayAppointment,
  type UseAppointmentsDayOptions,
} from './useAppointmentsDay.ts';
export { appointmentsDayMessages, type AppointmentsDayMessages } from './messages.ts';

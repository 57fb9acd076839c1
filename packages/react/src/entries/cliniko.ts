/**
 * `@clinikapi/react/cliniko`: hooks and widgets for a proxy mounted with `upstreams.cliniko()` — the provider, the
 * client, typed errors, query keys and query-options factories, the hooks, and the OnlineBooking, AppointmentsDay and
 * ClinikoPatientSearch widgets. Tree-shakeable: an app importing hooks only gets no widget code (the size budgets in
 * `.size-limit.js` check both). Ids are strings end to end.
 */

// Provider and client
export { ClinikoProvider, type ClinikoProviderProps } from '../cliniko/provider/ClinikoProvider.tsx';
export { useClinikoClient } from '../cliniko/provider/context.ts';
export { createClinikoClient, type ClinikoClient, type ClinikoMethod, type ClinikoRequestOptions } from '../cliniko/client/client.ts';
export type { ClinikClientOptions, QueryValue } from '../client/client.ts';
export { CLINIKO_KEY_ROOT, applyClinikoRetryDefaults, bindClinikoClient } from '../cliniko/client/binding.ts';

// Errors: the proxy's envelope, so the library's classes; Cliniko's rate limit says when it resets.
export { ClinikoRateLimitError } from '../cliniko/client/errors.ts';
export {
  ClinikApiError,
  ClinikForbiddenError,
  ClinikNetworkError,
  ClinikNotFoundError,
  ClinikRateLimitError,
  ClinikTimeoutError,
  ClinikUnauthorizedError,
  ClinikValidationError,
  isClinikApiError,
  type ClinikApiErrorInit,
} from '../client/errors.ts';

// Records and ids
export {
  CLINIKO_CANCELLATION_REASONS,
  type ClinikoAppointment,
  type ClinikoAppointmentInput,
  type ClinikoAppointmentType,
  type ClinikoAvailableTime,
  type ClinikoBusiness,
  type ClinikoCancellationReason,
  type ClinikoId,
  type ClinikoLink,
  type ClinikoList,
  type ClinikoListLinks,
  type ClinikoMedicalAlert,
  type ClinikoMedicalAlertInput,
  type ClinikoNextAvailableTime,
  type ClinikoPatient,
  type ClinikoPatientInput,
  type ClinikoPhoneNumber,
  type ClinikoPractitioner,
  type ClinikoUser,
} from '../cliniko/types.ts';
export { clinikoIdOf, isClinikoId } from '../cliniko/links.ts';

// Query keys and query-options factories
export { clinikoKeys, type ClinikoResourceName } from '../cliniko/queries/keys.ts';
export { clinikoFilter, itemsOf, type ClinikoFilterOperator, type ClinikoListParams } from '../cliniko/queries/paging.ts';
export {
  clinikoAppointmentTypeQueries,
  clinikoBusinessQueries,
  clinikoPractitionerQueries,
  clinikoUserQueries,
  type ClinikoAppointmentTypeListParams,
  type ClinikoPractitionerListParams,
} from '../cliniko/queries/directory.ts';
export {
  clinikoAvailabilityQueries,
  type ClinikoAvailableTimesParams,
  type ClinikoBookingTarget,
  type ClinikoNextAvailableTimeParams,
} from '../cliniko/queries/availability.ts';
export {
  clinikoMedicalAlertQueries,
  clinikoPatientQueries,
  patientConditions,
  type ClinikoMedicalAlertListParams,
  type ClinikoPatientSearchParams,
} from '../cliniko/queries/patients.ts';
export { appointmentConditions, clinikoAppointmentQueries, type ClinikoAppointmentListParams } from '../cliniko/queries/appointments.ts';

// Hooks
export type { WidgetHookOptions } from '../headless/widget-hook-options.ts';
export type { ClinikoInfiniteQueryOptions, ClinikoMutationOptions, ClinikoQueryOptions } from '../cliniko/hooks/options.ts';
export {
  useClinikoAppointmentType,
  useClinikoAppointmentTypes,
  useClinikoBusiness,
  useClinikoBusinesses,
  useClinikoPractitioner,
  useClinikoPractitioners,
  useClinikoUser,
} from '../cliniko/hooks/directory.ts';
export { useClinikoAvailableTimes, useClinikoNextAvailableTime } from '../cliniko/hooks/availability.ts';
export {
  useClinikoMedicalAlerts,
  useClinikoPatient,
  useClinikoPatients,
  useCreateClinikoMedicalAlert,
  useCreateClinikoPatient,
  useInfiniteClinikoPatients,
  type ClinikoPatientPage,
} from '../cliniko/hooks/patients.ts';
export {
  useAllClinikoAppointments,
  useBookClinikoAppointment,
  useCancelClinikoAppointment,
  useClinikoAppointment,
  useClinikoAppointments,
  useInfiniteClinikoAppointments,
  useRescheduleClinikoAppointment,
  type ClinikoAppointmentPage,
  type ClinikoCancellation,
  type ClinikoReschedule,
} from '../cliniko/hooks/appointments.ts';

// Widgets (each a headless hook and a thin skin), and what they are styled and themed with
export type { StylingProps } from '../ui/slots.ts';
export type { WidgetTheme } from '../ui/theme/theme.ts';
export {
  OnlineBooking,
  onlineBookingMessages,
  useOnlineBooking,
  type BookingCalendar,
  type BookingChoices,
  type BookingDay,
  type BookingPatient,
  type BookingRequest,
  type BookingStep,
  type BookingSubmit,
  type CalendarStatus,
  type ChoiceList,
  type ListStatus,
  type NewPatientValues,
  type OnlineBookingMessages,
  type OnlineBookingProps,
  type OnlineBookingSlot,
  type OnlineBookingState,
  type PatientMode,
  type SubmitStatus,
  type UseOnlineBookingOptions,
} from '../cliniko/widgets/OnlineBooking/index.ts';
export {
  AppointmentsDay,
  appointmentsDayMessages,
  useAppointmentsDay,
  type AppointmentsDayMessages,
  type AppointmentsDayProps,
  type AppointmentsDaySlot,
  type AppointmentsDayState,
  type AppointmentsDayStatus,
  type DayAppointment,
  type UseAppointmentsDayOptions,
} from '../cliniko/widgets/AppointmentsDay/index.ts';
export {
  ClinikoPatientSearch,
  clinikoPatientSearchMessages,
  useClinikoPatientSearch,
  type ClinikoPatientSearchMessages,
  type ClinikoPatientSearchProps,
  type ClinikoPatientSearchSlot,
  type ClinikoPatientSearchState,
  type ClinikoPatientSearchStatus,
  type PatientSearchBy,
  type UseClinikoPatientSearchOptions,
} from '../cliniko/widgets/PatientSearch/index.ts';

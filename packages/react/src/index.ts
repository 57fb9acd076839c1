/** `@clinikapi/react`: the data layer (also alone, and budgeted, at `@clinikapi/react/hooks`) and the widgets. */
export {
  ClinikProvider, type ClinikProviderProps, useClinikClient, useLocale, DEFAULT_TIMEOUT_MS, createClinikClient,
  type ClinikClient, type ClinikClientOptions, type HttpMethod, type QueryValue, type RequestOptions, DEMO_PROXY_URL,
  applyClinikRetryDefaults, bindClinikClient, createIdempotencyKey, clinikRetryPolicy, createClinikRetryPolicy,
  isRetryableError, type ClinikRetryOptions, type ClinikRetryPolicy, ClinikApiError, ClinikConflictError,
  ClinikForbiddenError, ClinikNetworkError, ClinikNotFoundError, ClinikRateLimitError, ClinikTimeoutError,
  ClinikUnauthorizedError, ClinikValidationError, isClinikApiError, type ClinikApiErrorInit, clinikKeys,
  mutationKeys, patientRecordKeys, resourceKeys, type InfiniteSearchParamsOf, type ResourceKeys,
  type ResourceSearchParams, type SearchParamsOf, type SearchValue, resourceQueries, type ResourceQueries,
  allergyQueries, appointmentQueries, assessmentQueries, carePlanQueries, conditionQueries, consentQueries,
  documentQueries, encounterQueries, goalQueries, immunizationQueries, intakeQueries, labQueries, medicationQueries,
  noteQueries, observationQueries, patientKeys, patientQueries, practitionerQueries, practitionerRoleQueries,
  prescriptionQueries, patientRecordQueries, type PatientRecord, type PatientLinkedPath, useResource, useSearch,
  useInfiniteSearch, useCreateResource, useUpdateResource, type UpdateVariables, useDeleteResource,
  type DeleteVariables, usePatientRecord, type UsePatientRecordOptions, createResourceHooks, type ResourceHooks,
  type ClinikInfiniteQueryOptions, type ClinikMutationOptions, type ClinikQueryOptions, type InfinitePages,
  useAllergy, useAllergies, useInfiniteAllergies, useCreateAllergy, useUpdateAllergy, useDeleteAllergy,
  useAppointment, useAppointments, useInfiniteAppointments, useCreateAppointment, useUpdateAppointment,
  useDeleteAppointment, useAssessment, useAssessments, useInfiniteAssessments, useCreateAssessment,
  useUpdateAssessment, useDeleteAssessment, useCarePlan, useCarePlans, useInfiniteCarePlans, useCreateCarePlan,
  useUpdateCarePlan, useDeleteCarePlan, useCondition, useConditions, useInfiniteConditions, useCreateCondition,
  useUpdateCondition, useDeleteCondition, useConsent, useConsents, useInfiniteConsents, useCreateConsent,
  useUpdateConsent, useDeleteConsent, useDocument, useDocuments, useInfiniteDocuments, useCreateDocument,
  useUpdateDocument, useDeleteDocument, useEncounter, useEncounters, useInfiniteEncounters, useCreateEncounter,
  useUpdateEncounter, useDeleteEncounter, useGoal, useGoals, useInfiniteGoals, useCreateGoal, useUpdateGoal,
  useDeleteGoal, useImmunization, useImmunizations, useInfiniteImmunizations, useCreateImmunization,
  useUpdateImmunization, useDeleteImmunization, useIntake, useIntakes, useInfiniteIntakes, useCreateIntake,
  useUpdateIntake, useDeleteIntake, useLab, useLabs, useInfiniteLabs, useCreateLab, useUpdateLab, useDeleteLab,
  useMedication, useMedications, useInfiniteMedications, useCreateMedication, useUpdateMedication,
  useDeleteMedication, useNote, useNotes, useInfiniteNotes, useCreateNote, useUpdateNote, useDeleteNote,
  useObservation, useObservations, useInfiniteObservations, useCreateObservation, useUpdateObservation,
  useDeleteObservation, usePatient, usePatients, useInfinitePatients, useCreatePatient, useUpdatePatient,
  useDeletePatient, usePractitionerRole, usePractitionerRoles, useInfinitePractitionerRoles,
  useCreatePractitionerRole, useUpdatePractitionerRole, useDeletePractitionerRole, usePractitioner, usePractitioners,
  useInfinitePractitioners, useCreatePractitioner, useUpdatePractitioner, useDeletePractitioner, usePrescription,
  usePrescriptions, useInfinitePrescriptions, useCreatePrescription, useUpdatePrescription, useDeletePrescription,
} from './entries/hooks.ts';

// Messages and formatting, for the widgets and for UIs of your own.
export { useErrorMessage, useMessages } from './provider/context.ts';
export { defaultMessages, formatMessage, type MessageOverrides, type Messages } from './i18n/messages.ts';
export { errorMessage } from './i18n/error-message.ts';
export { formatDate, formatDateTime, formatNumber } from './i18n/format.ts';
export { useDebouncedValue } from './hooks/useDebouncedValue.ts';

// Widgets
export type { WidgetTheme } from './ui/theme/theme.ts';
export type { WidgetMessageCatalogue, WidgetMessageOverrides } from './i18n/widget-messages.ts';
export type { CodedValue, CodeOption } from './ui/CodeField/codes.ts';
export {
  AllergyRecorder,
  allergyRecorderMessages,
  useAllergyRecorder,
  type AllergyFormValues,
  type AllergyRecorderMessages,
  type AllergyRecorderProps,
  type AllergyRecorderSlot,
  type AllergyRecorderState,
  type UseAllergyRecorderOptions,
} from './components/AllergyRecorder/index.ts';
export {
  PatientList,
  usePatientList,
  type PatientListProps,
  type PatientListSlot,
  type PatientListState,
  type PatientListStatus,
  type UsePatientListOptions,
} from './components/PatientList/index.ts';
export {
  VitalsWidget,
  VITALS_READINGS,
  useVitalsWidget,
  vitalsWidgetMessages,
  type VitalInterpretation,
  type UseVitalsWidgetOptions,
  type VitalKey,
  type VitalsFormValues,
  type VitalsReading,
  type VitalsWidgetMessages,
  type VitalsWidgetProps,
  type VitalsWidgetSlot,
  type VitalsWidgetState,
} from './components/VitalsWidget/index.ts';
export {
  PatientRecordProvider,
  usePatientRecordScope,
  useLinkedRecords,
  patientRecordMessages,
  type HeadingLevel,
  type LinkedRecords,
  type LinkedRecordsStatus,
  type PatientRecordMessages,
  type PatientRecordProviderProps,
  type PatientRecordScope,
} from './components/PatientRecord/index.ts';
export {
  MedicationList,
  useMedicationList,
  medicationListMessages,
  type MedicationFilter,
  type MedicationItem,
  type MedicationListMessages,
  type MedicationListProps,
  type MedicationListSlot,
  type MedicationListState,
  type UseMedicationListOptions,
} from './components/MedicationList/index.ts';
export {
  EncounterTimeline,
  useEncounterTimeline,
  encounterTimelineMessages,
  type EncounterItem,
  type EncounterTimelineMessages,
  type EncounterTimelineProps,
  type EncounterTimelineSlot,
  type EncounterTimelineState,
  type UseEncounterTimelineOptions,
} from './components/EncounterTimeline/index.ts';
export {
  LabResults,
  useLabResults,
  flagOf,
  labResultsMessages,
  type LabFlag,
  type LabReportItem,
  type LabResultItem,
  type LabResultsMessages,
  type LabResultsProps,
  type LabResultsSlot,
  type LabResultsState,
  type UseLabResultsOptions,
} from './components/LabResults/index.ts';
export {
  LabResultsWidget,
  useLabResultsWidget,
  labResultsWidgetMessages,
  type LabFormValues,
  type LabResultsWidgetMessages,
  type LabResultsWidgetProps,
  type LabResultsWidgetSlot,
  type LabResultsWidgetState,
  type UseLabResultsWidgetOptions,
} from './components/LabResultsWidget/index.ts';
export {
  PrescriptionForm,
  usePrescriptionForm,
  prescriptionFormMessages,
  type PrescriptionFormMessages,
  type PrescriptionFormProps,
  type PrescriptionFormSlot,
  type PrescriptionFormState,
  type PrescriptionFormValues,
  type UsePrescriptionFormOptions,
} from './components/PrescriptionForm/index.ts';
export {
  APPOINTMENT_DURATIONS,
  APPOINTMENT_PRIORITIES,
  APPOINTMENT_TYPES,
  AppointmentScheduler,
  appointmentSchedulerMessages,
  useAppointmentScheduler,
  type AppointmentFormValues,
  type AppointmentSchedulerMessages,
  type AppointmentSchedulerProps,
  type AppointmentSchedulerSlot,
  type AppointmentSchedulerState,
  type AppointmentType,
  type BusyInterval,
  type PractitionerChoice,
  type SchedulerSlot,
  type SlotAvailability,
  type UseAppointmentSchedulerOptions,
} from './components/AppointmentScheduler/index.ts';

/** `@clinikapi/react`: the data layer (also alone, and budgeted, at `@clinikapi/react/hooks`) and the widgets. */

// Every name of `@clinikapi/react/hooks`, from that entry: it says where each comes from. Named exports only, so the
// names are listed again here; `scripts/api-report.ts` (in `npm test`) fails when one is missing.
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

// What the signed-in user may do (ClinikProvider's `access`), the shared code list and the validation wording.
export { useAccess, useRecordsAccess, type ClinikAccess } from './access/useAccess.ts';
export { permits, type AccessGrants, type AccessOption, type AccessInteraction } from './access/access.ts';
export { accessMessages, type AccessMessages } from './access/messages.ts';
export { codeName, codeNameMessages, useCodeNames, type CodeKind, type CodeNameMessages } from './codes/code-names.ts';
export { localiseIssue, validationMessages, type ValidationMessages } from './headless/form/validation.ts';
export { NoteText, type NoteTextProps } from './ui/Markdown/NoteText.tsx';
export { ForbiddenState } from './ui/States/States.tsx';
// Live updates: the proxy's event stream applied to the cache (`live` on clinikProxy).
export { useLiveUpdates, type LiveUpdatesState, type UseLiveUpdatesOptions } from './live/useLiveUpdates.ts';
export type { LiveChange, LiveStatus } from './live/live-connection.ts';
export { applyLiveChange, type AppliedChange } from './live/apply-change.ts';
export { LiveUpdates, liveUpdatesMessages, type LiveUpdatesMessages, type LiveUpdatesProps } from './components/LiveUpdates/index.ts';

// Widgets
export type { WidgetTheme } from './ui/theme/theme.ts';
export type { ViewerHookOptions, WidgetHookOptions } from './headless/widget-hook-options.ts';
export type { StylingProps } from './ui/slots.ts';
export type { WidgetProps } from './ui/widget-props.ts';
export type { ViewerProps } from './components/PatientRecord/viewer-props.ts';
export type { WidgetMessageCatalogue, WidgetMessageOverrides } from './i18n/widget-messages.ts';
export type { CodedValue, CodeOption } from './headless/coded-value.ts';
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
  useGridNavigation,
  patientListMessages,
  PATIENT_SORTS,
  type GridNavigation,
  type PatientListMessages,
  type PatientListProps,
  type PatientListSlot,
  type PatientListState,
  type PatientListStatus,
  type PatientSort,
  type UseGridNavigationOptions,
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
  ConditionTracker,
  conditionTrackerMessages,
  isCurrentCondition,
  useConditionTracker,
  type ConditionFormValues,
  type ConditionTrackerMessages,
  type ConditionTrackerProps,
  type ConditionTrackerSlot,
  type ConditionTrackerState,
  type UseConditionTrackerOptions,
} from './components/ConditionTracker/index.ts';
export {
  ImmunizationLogger,
  immunizationLoggerMessages,
  useImmunizationLogger,
  type ImmunizationFormValues,
  type ImmunizationLoggerMessages,
  type ImmunizationLoggerProps,
  type ImmunizationLoggerSlot,
  type ImmunizationLoggerState,
  type UseImmunizationLoggerOptions,
} from './components/ImmunizationLogger/index.ts';
export {
  CarePlanBuilder,
  carePlanBuilderMessages,
  useCarePlanBuilder,
  type CarePlanActivityStatus,
  type CarePlanActivityValues,
  type CarePlanBuilderMessages,
  type CarePlanBuilderProps,
  type CarePlanBuilderSlot,
  type CarePlanBuilderState,
  type CarePlanFormValues,
  type UseCarePlanBuilderOptions,
} from './components/CarePlanBuilder/index.ts';
export {
  GoalSetter,
  goalSetterMessages,
  useGoalSetter,
  type GoalAchievementStatus,
  type GoalFormValues,
  type GoalLifecycleStatus,
  type GoalSetterMessages,
  type GoalSetterProps,
  type GoalSetterSlot,
  type GoalSetterState,
  type UseGoalSetterOptions,
} from './components/GoalSetter/index.ts';
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
  PrescriptionWidget,
  usePrescriptionWidget,
  prescriptionWidgetMessages,
  type PrescriptionWidgetMessages,
  type PrescriptionWidgetProps,
  type PrescriptionWidgetSlot,
  type PrescriptionWidgetState,
  type QuickPrescriptionValues,
  type UsePrescriptionWidgetOptions,
} from './components/PrescriptionWidget/index.ts';
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
export {
  PatientHeader,
  usePatientHeader,
  patientHeaderMessages,
  type PatientHeaderMessages,
  type PatientHeaderProps,
  type PatientHeaderSlot,
  type PatientHeaderState,
  type UsePatientHeaderOptions,
} from './components/PatientHeader/index.ts';
export {
  VitalsChart,
  useVitalsChart,
  vitalChartGroups,
  vitalsChartMessages,
  VITAL_CHART_ORDER,
  type UseVitalsChartOptions,
  type VitalChartGroup,
  type VitalChartId,
  type VitalFlag,
  type VitalPoint,
  type VitalSeries,
  type VitalSignKey,
  type VitalsChartMessages,
  type VitalsChartProps,
  type VitalsChartSlot,
  type VitalsChartState,
} from './components/VitalsChart/index.ts';
export {
  NoteEditor,
  useNoteEditor,
  noteEditorMessages,
  renderMarkdown,
  type MarkdownOptions,
  type NoteDraftState,
  type NoteEditorMessages,
  type NoteEditorProps,
  type NoteEditorSlot,
  type NoteEditorState,
  type NoteFormValues,
  type UseNoteEditorOptions,
} from './components/NoteEditor/index.ts';
export {
  ConsentManager,
  consentManagerMessages,
  EMPTY_CONSENT_FORM,
  useConsentManager,
  consentActionsFor,
  isSigned,
  signatureSvg,
  CONSENT_STATUS_AFTER,
  type ConsentAction,
  type ConsentFormValues,
  type ConsentManagerMessages,
  type ConsentManagerProps,
  type ConsentManagerSlot,
  type ConsentManagerState,
  type ConsentScope,
  type ConsentStatus,
  type SignatureStroke,
  type SignatureValue,
  type UseConsentManagerOptions,
} from './components/ConsentManager/index.ts';
export {
  PatientDashboard,
  usePatientDashboard,
  usePatientCreate,
  usePatientEdit,
  patientDashboardMessages,
  DASHBOARD_INCLUDE,
  EMPTY_PATIENT_FORM,
  type ConflictField,
  type PatientConflict,
  type PatientCreateState,
  type PatientDashboardMessages,
  type PatientDashboardProps,
  type PatientDashboardSlot,
  type PatientDashboardState,
  type PatientDashboardView,
  type PatientEditState,
  type PatientFormValues,
  type UsePatientCreateOptions,
  type UsePatientDashboardOptions,
  type UsePatientEditOptions,
} from './components/PatientDashboard/index.ts';
export {
  DEFAULT_INTAKE_URL,
  defaultIntakeQuestionnaire,
  IntakeForm,
  intakeFormMessages,
  intakeQuestionnaireMessages,
  QUESTIONNAIRE_EXTENSIONS,
  questionnaireIssueMessage,
  questionnaireReference,
  useIntakeDraft,
  useIntakeForm,
  useQuestionnaire,
  type AutosaveStatus,
  type EnableWhenOperator,
  type IntakeDraft,
  type IntakeFormMessages,
  type IntakeFormProps,
  type IntakeFormSlot,
  type IntakeFormState,
  type IntakeQuestionnaireMessages,
  type IntakeSubmitStatus,
  type Questionnaire,
  type QuestionnaireAnalysis,
  type QuestionnaireAnswerOption,
  type QuestionnaireAnswerProblem,
  type QuestionnaireCoding,
  type QuestionnaireDraft,
  type QuestionnaireEnableWhen,
  type QuestionnaireExtension,
  type QuestionnaireForm,
  type QuestionnaireIssue,
  type QuestionnaireItem,
  type QuestionnaireItemState,
  type QuestionnaireItemType,
  type QuestionnaireQuantity,
  type QuestionnaireQuantityDraft,
  type QuestionnaireResponsePaths,
  type QuestionnaireValue,
  type StoredQuestionnaireItem,
  type UseIntakeFormOptions,
  type UseQuestionnaireOptions,
} from './components/IntakeForm/index.ts';

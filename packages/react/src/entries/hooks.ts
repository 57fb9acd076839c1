/**
 * `@clinikapi/react/hooks`: the data layer without a single widget — provider, client, typed errors, query keys and
 * query-options factories, and the hooks. For apps that bring their own design; its size is budgeted in
 * `.size-limit.js`, so it carries no widget and no widget strings (the message catalogue and formatting helpers
 * are exported from the package root). The package root exports all of this too.
 */

// Provider and context
export { ClinikProvider, type ClinikProviderProps } from '../provider/ClinikProvider.tsx';
export { useClinikClient, useLocale } from '../provider/context.ts';
export type { AccessGrants, AccessInteraction, AccessOption } from '../access/access.ts';

// Client
export {
  DEFAULT_TIMEOUT_MS,
  createClinikClient,
  type ClinikClient,
  type ClinikClientOptions,
  type HttpMethod,
  type QueryValue,
  type RequestOptions,
} from '../client/client.ts';
export { DEMO_PROXY_URL } from '../client/proxy-url.ts';
export { applyClinikRetryDefaults, bindClinikClient } from '../client/query-client-binding.ts';
export { createIdempotencyKey } from '../client/idempotency.ts';
export {
  clinikRetryPolicy,
  createClinikRetryPolicy,
  isRetryableError,
  type ClinikRetryOptions,
  type ClinikRetryPolicy,
} from '../client/retry.ts';

// Errors
export {
  ClinikApiError,
  ClinikConflictError,
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

// Query keys and query-options factories
export {
  clinikKeys,
  mutationKeys,
  patientRecordKeys,
  resourceKeys,
  type InfiniteSearchParamsOf,
  type ResourceKeys,
  type ResourceSearchParams,
  type SearchParamsOf,
  type SearchValue,
} from '../queries/keys.ts';
export { resourceQueries, type ResourceQueries } from '../queries/resource-queries.ts';
export {
  allergyQueries,
  appointmentQueries,
  assessmentQueries,
  carePlanQueries,
  conditionQueries,
  consentQueries,
  documentQueries,
  encounterQueries,
  goalQueries,
  immunizationQueries,
  intakeQueries,
  labQueries,
  medicationQueries,
  noteQueries,
  observationQueries,
  patientKeys,
  patientQueries,
  practitionerQueries,
  practitionerRoleQueries,
  prescriptionQueries,
} from '../queries/resource-factories.ts';
export { patientRecordQueries, type PatientRecord } from '../queries/patient-record.ts';
export { type PatientLinkedPath } from '../queries/patient-links.ts';

// Generic hooks, for every resource path
export { useResource } from '../hooks/useResource.ts';
export { useSearch } from '../hooks/useSearch.ts';
export { useInfiniteSearch } from '../hooks/useInfiniteSearch.ts';
export { useCreateResource } from '../hooks/useCreateResource.ts';
export { useUpdateResource, type UpdateVariables } from '../hooks/useUpdateResource.ts';
export { useDeleteResource, type DeleteVariables } from '../hooks/useDeleteResource.ts';
export { usePatientRecord, type UsePatientRecordOptions } from '../hooks/usePatientRecord.ts';
export { createResourceHooks, type ResourceHooks } from '../hooks/createResourceHooks.ts';
export {
  type ClinikInfiniteQueryOptions,
  type ClinikMutationOptions,
  type ClinikQueryOptions,
  type InfinitePages,
} from '../hooks/options.ts';

// The 19 widget resources: one family of six hooks each
export {
  useAllergy,
  useAllergies,
  useInfiniteAllergies,
  useCreateAllergy,
  useUpdateAllergy,
  useDeleteAllergy,
} from '../hooks/resources/allergies.ts';
export {
  useAppointment,
  useAppointments,
  useInfiniteAppointments,
  useCreateAppointment,
  useUpdateAppointment,
  useDeleteAppointment,
} from '../hooks/resources/appointments.ts';
export {
  useAssessment,
  useAssessments,
  useInfiniteAssessments,
  useCreateAssessment,
  useUpdateAssessment,
  useDeleteAssessment,
} from '../hooks/resources/assessments.ts';
export {
  useCarePlan,
  useCarePlans,
  useInfiniteCarePlans,
  useCreateCarePlan,
  useUpdateCarePlan,
  useDeleteCarePlan,
} from '../hooks/resources/care-plans.ts';
export {
  useCondition,
  useConditions,
  useInfiniteConditions,
  useCreateCondition,
  useUpdateCondition,
  useDeleteCondition,
} from '../hooks/resources/conditions.ts';
export {
  useConsent,
  useConsents,
  useInfiniteConsents,
  useCreateConsent,
  useUpdateConsent,
  useDeleteConsent,
} from '../hooks/resources/consents.ts';
export {
  useDocument,
  useDocuments,
  useInfiniteDocuments,
  useCreateDocument,
  useUpdateDocument,
  useDeleteDocument,
} from '../hooks/resources/documents.ts';
export {
  useEncounter,
  useEncounters,
  useInfiniteEncounters,
  useCreateEncounter,
  useUpdateEncounter,
  useDeleteEncounter,
} from '../hooks/resources/encounters.ts';
export { useGoal, useGoals, useInfiniteGoals, useCreateGoal, useUpdateGoal, useDeleteGoal } from '../hooks/resources/goals.ts';
export {
  useImmunization,
  useImmunizations,
  useInfiniteImmunizations,
  useCreateImmunization,
  useUpdateImmunization,
  useDeleteImmunization,
} from '../hooks/resources/immunizations.ts';
export {
  useIntake,
  useIntakes,
  useInfiniteIntakes,
  useCreateIntake,
  useUpdateIntake,
  useDeleteIntake,
} from '../hooks/resources/intakes.ts';
export { useLab, useLabs, useInfiniteLabs, useCreateLab, useUpdateLab, useDeleteLab } from '../hooks/resources/labs.ts';
export {
  useMedication,
  useMedications,
  useInfiniteMedications,
  useCreateMedication,
  useUpdateMedication,
  useDeleteMedication,
} from '../hooks/resources/medications.ts';
export { useNote, useNotes, useInfiniteNotes, useCreateNote, useUpdateNote, useDeleteNote } from '../hooks/resources/notes.ts';
export {
  useObservation,
  useObservations,
  useInfiniteObservations,
  useCreateObservation,
  useUpdateObservation,
  useDeleteObservation,
} from '../hooks/resources/observations.ts';
export {
  usePatient,
  usePatients,
  useInfinitePatients,
  useCreatePatient,
  useUpdatePatient,
  useDeletePatient,
} from '../hooks/resources/patients.ts';
export {
  usePractitionerRole,
  usePractitionerRoles,
  useInfinitePractitionerRoles,
  useCreatePractitionerRole,
  useUpdatePractitionerRole,
  useDeletePractitionerRole,
} from '../hooks/resources/practitioner-roles.ts';
export {
  usePractitioner,
  usePractitioners,
  useInfinitePractitioners,
  useCreatePractitioner,
  useUpdatePractitioner,
  useDeletePractitioner,
} from '../hooks/resources/practitioners.ts';
export {
  usePrescription,
  usePrescriptions,
  useInfinitePrescriptions,
  useCreatePrescription,
  useUpdatePrescription,
  useDeletePrescription,
} from '../hooks/resources/prescriptions.ts';

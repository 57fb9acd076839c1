export {
  CLINIKAPI_KEY_MENTION,
  SHARD_PATTERN,
  clinikApiKeysIn,
  mentionsClinikApiKey,
  parseClinikApiKey,
  parseClinikoKey,
  type ClinikApiKeyParts,
  type ClinikoKeyParts,
  type KeyEnvironment,
  type KeyFormatFault,
  type KeyParse,
} from './api-keys.ts';
export {
  RESOURCE_CATALOGUE,
  findResource,
  findResourceByType,
  isResourcePath,
  type HttpMethod,
  type ResourceDefinition,
  type ResourceOperation,
  type ResourcePath,
  type ResourceTypeOf,
} from './catalogue.ts';
export {
  CLINIKO_PARENT_PARAMS,
  CLINIKO_REQUESTS_PER_MINUTE,
  CLINIKO_RESOURCES,
  CLINIKO_ROUTES,
  findClinikoResource,
  type ClinikoAnswer,
  type ClinikoFieldType,
  type ClinikoOperation,
  type ClinikoQueryKind,
  type ClinikoResourceDefinition,
  type ClinikoRoute,
  type Interaction,
} from './cliniko-catalogue.ts';
export { clinikoErrorIssues } from './cliniko-errors.ts';
export { PAGE_SIZE, type ApiResponse, type PageParams, type Paginated, type ResponseMeta } from './envelope.ts';
export {
  ApiError,
  ERROR_CODES,
  errorBody,
  errorCodeOfStatus,
  isApiErrorBody,
  isErrorCode,
  type ApiErrorBody,
  type ApiErrorOptions,
  type ErrorCode,
  type ErrorIssue,
} from './errors.ts';
export { DEMO_PATIENTS, DEMO_PRACTITIONER } from './demo-clinic.ts';
export { WIDGET_ACTIONS, isWidgetAction, type ActionRoute, type WidgetAction } from './actions.ts';
export {
  TENANT_TAG_SYSTEM,
  type AllergyIntolerance,
  type Appointment,
  type Bundle,
  type BundleEntry,
  type CarePlan,
  type ClinicalImpression,
  type CodeableConcept,
  type Coding,
  type Composition,
  type Condition,
  type Consent,
  type DiagnosticReport,
  type DocumentReference,
  type Encounter,
  type FhirResourceOf,
  type Goal,
  type Immunization,
  type Medication,
  type MedicationRequest,
  type Meta,
  type Observation,
  type Patient,
  type Practitioner,
  type PractitionerRole,
  type Quantity,
  type QuestionnaireResponse,
  type Reference,
  type Resource,
  type ResourceType,
} from './fhir.ts';
export {
  addressSchema,
  amountSchema,
  anyReference,
  attachmentSchema,
  codingSchema,
  conceptSchema,
  dateSchema,
  dateTimeSchema,
  idSchema,
  instantSchema,
  isWebLink,
  periodSchema,
  quantitySchema,
  ratioSchema,
  reference,
  typedReference,
  updateSchemaOf,
  type UpdateShape,
  numberText,
  rangeMessage,
  webLinkSchema,
  withRule,
} from './schemas/common.ts';
export {
  birthDateSchema,
  patientCreateSchema,
  patientUpdateSchema,
  type Address,
  type PatientCreate,
  type PatientSearchParams,
  type PatientSummary,
  type PatientUpdate,
} from './schemas/patient.ts';
export {
  languageTagSchema,
  practitionerCreateSchema,
  practitionerUpdateSchema,
  type PractitionerCreate,
  type PractitionerUpdate,
} from './schemas/practitioner.ts';
export {
  DAYS_OF_WEEK,
  practitionerRoleCreateSchema,
  practitionerRoleUpdateSchema,
  type PractitionerRoleCreate,
  type PractitionerRoleUpdate,
} from './schemas/practitioner-role.ts';
export {
  ENCOUNTER_CLASSES,
  ENCOUNTER_STATUSES,
  encounterCreateSchema,
  encounterUpdateSchema,
  type EncounterCreate,
  type EncounterUpdate,
} from './schemas/encounter.ts';
export {
  OBSERVATION_CATEGORIES,
  OBSERVATION_INTERPRETATIONS,
  OBSERVATION_STATUSES,
  observationCreateSchema,
  observationUpdateSchema,
  type ObservationCreate,
  type ObservationUpdate,
} from './schemas/observation.ts';
export {
  MEDICATION_STATUSES,
  medicationCreateSchema,
  medicationUpdateSchema,
  type MedicationCreate,
  type MedicationUpdate,
} from './schemas/medication.ts';
export {
  PRESCRIPTION_INTENTS,
  PRESCRIPTION_PRIORITIES,
  PRESCRIPTION_STATUSES,
  prescriptionCreateSchema,
  prescriptionUpdateSchema,
  type PrescriptionCreate,
  type PrescriptionUpdate,
} from './schemas/prescription.ts';
export {
  APPOINTMENT_STATUSES,
  appointmentCreateSchema,
  appointmentUpdateSchema,
  type AppointmentCreate,
  type AppointmentUpdate,
} from './schemas/appointment.ts';
export {
  ANSWER_VALUE_FIELDS,
  INTAKE_STATUSES,
  intakeCreateSchema,
  intakeUpdateSchema,
  type IntakeAnswer,
  type IntakeCreate,
  type IntakeItem,
  type IntakeItemInput,
  type IntakeUpdate,
} from './schemas/intake.ts';
export { PATIENT_INTAKE_RULES, PATIENT_INTAKE_URL, type IntakeAnswerRule } from './schemas/intake-rules.ts';
export {
  CONSENT_SCOPES,
  CONSENT_STATUSES,
  consentCreateSchema,
  consentPolicyRule,
  consentUpdateSchema,
  type ConsentCreate,
  type ConsentProvision,
  type ConsentProvisionInput,
  type ConsentUpdate,
} from './schemas/consent.ts';
export { LAB_CATEGORIES, LAB_STATUSES, labCreateSchema, labUpdateSchema, type LabCreate, type LabUpdate } from './schemas/lab.ts';
export {
  NOTE_DOC_STATUSES,
  NOTE_TYPES,
  noteCreateSchema,
  noteUpdateSchema,
  type NoteCreate,
  type NoteType,
  type NoteUpdate,
} from './schemas/note.ts';
export {
  ASSESSMENT_STATUSES,
  assessmentCreateSchema,
  assessmentUpdateSchema,
  type AssessmentCreate,
  type AssessmentUpdate,
} from './schemas/assessment.ts';
export {
  DOCUMENT_STATUSES,
  documentCreateSchema,
  documentUpdateSchema,
  type DocumentCreate,
  type DocumentSection,
  type DocumentSectionInput,
  type DocumentUpdate,
} from './schemas/document.ts';
export {
  CONDITION_CATEGORIES,
  CONDITION_CLINICAL_STATUSES,
  CONDITION_VERIFICATION_STATUSES,
  conditionCreateSchema,
  conditionUpdateSchema,
  type ConditionCreate,
  type ConditionUpdate,
} from './schemas/condition.ts';
export {
  ALLERGY_CATEGORIES,
  ALLERGY_CLINICAL_STATUSES,
  ALLERGY_CRITICALITIES,
  ALLERGY_TYPES,
  ALLERGY_VERIFICATION_STATUSES,
  allergyCreateSchema,
  allergyUpdateSchema,
  REACTION_SEVERITIES,
  type AllergyCreate,
  type AllergyUpdate,
} from './schemas/allergy.ts';
export {
  IMMUNIZATION_STATUSES,
  immunizationCreateSchema,
  immunizationUpdateSchema,
  type ImmunizationCreate,
  type ImmunizationUpdate,
} from './schemas/immunization.ts';
export {
  CARE_PLAN_ACTIVITY_STATUSES,
  CARE_PLAN_INTENTS,
  CARE_PLAN_STATUSES,
  carePlanCreateSchema,
  carePlanUpdateSchema,
  type CarePlanCreate,
  type CarePlanUpdate,
} from './schemas/care-plan.ts';
export {
  GOAL_ACHIEVEMENT_STATUSES,
  GOAL_LIFECYCLE_STATUSES,
  GOAL_PRIORITIES,
  goalCreateSchema,
  goalUpdateSchema,
  type GoalCreate,
  type GoalUpdate,
} from './schemas/goal.ts';
export { addDays, instantOf, instantOfOrAfterGap, isIsoDate, isTimeZone, wallClockAt, type IsoDate, type WallClock } from './zoned-time.ts';
export {
  JsonPatchError,
  applyJsonPatch,
  applyMergePatch,
  deepEqual,
  parseJsonPatch,
  type JsonPatch,
  type JsonPatchOperation,
} from './json-patch.ts';
export { checkRequest, validationIssues } from './validation-issues.ts';
export {
  OTHER_RESOURCE_SCHEMAS,
  RESOURCE_SCHEMAS,
  hasSimplifiedSchemas,
  isFhirCreateBody,
  requestReferenceFields,
  schemasOf,
  type CreateInput,
  type MappedResourcePath,
  type OtherResourcePath,
  type ResourceOf,
  type ResourceSchemas,
  type UpdateInput,
} from './schemas/registry.ts';
export {
  markReference,
  referenceFieldsOf,
  referencePathText,
  referenceTargetOf,
  unrollReferencePath,
  valuesAtReferencePath,
  type ReferenceField,
  type ReferencePathStep,
  type ReferenceTarget,
} from './schemas/references.ts';
export {
  WEBHOOK_ACTIONS,
  resourceOfWebhookName,
  webhookEventName,
  webhookResourceName,
  type WebhookAction,
  type WebhookEnvironment,
  type WebhookEvent,
  type WebhookEventData,
} from './webhook-events.ts';

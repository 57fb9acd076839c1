/**
 * The ClinikAPI resource catalogue: every `/v1/{path}` of the REST contract with the FHIR R4 type stored behind it,
 * the element that ties it to a patient, its search parameters and the operations it allows.
 *
 * This is the single source of truth the emulator routes from, the proxy authorizes against and the React hooks
 * are generated from, so a path added here appears everywhere at once.
 */
import type { ResourceType } from '@medplum/fhirtypes';

/** The HTTP methods of the REST contract and of the Cliniko routes carried (`PUT` is not carried). */
export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** The interactions a resource path supports. */
export type ResourceOperation = 'create' | 'search' | 'read' | 'update' | 'delete';

const ALL_OPERATIONS = ['create', 'search', 'read', 'update', 'delete'] as const satisfies readonly ResourceOperation[];

/** One entry of the catalogue. */
export interface ResourceDefinition<Path extends string = string, Type extends ResourceType = ResourceType> {
  /** The URL segment under `/v1`, e.g. `care-plans`. */
  readonly path: Path;
  /** The FHIR R4 resource type stored for this path. */
  readonly resourceType: Type;
  /**
   * Dotted element path of the reference that ties a record to its patient (`subject`, `participant.actor`);
   * `'self'` for Patient itself; `null` for resources that belong to no patient (practitioners, catalogue data).
   */
  readonly patientLink: string | null;
  /** Query parameters the search endpoint accepts, besides `count` and `cursor`. */
  readonly searchParams: readonly string[];
  /** Which interactions the path allows. */
  readonly operations: readonly ResourceOperation[];
}

function defineResource<const Path extends string, const Type extends ResourceType>(
  path: Path,
  resourceType: Type,
  patientLink: string | null,
  searchParams: readonly string[],
  operations: readonly ResourceOperation[],
): ResourceDefinition<Path, Type> {
  return { path, resourceType, patientLink, searchParams, operations };
}

/** All 62 resource paths of the ClinikAPI REST API, in the order of its OpenAPI contract. */
export const RESOURCE_CATALOGUE = [
  defineResource('patients', 'Patient', 'self', ['name', 'email', 'phone', 'gender', 'birthDate', 'active'], ALL_OPERATIONS),
  defineResource('practitioners', 'Practitioner', null, ['name', 'specialty', 'npi', 'active'], ALL_OPERATIONS),
  defineResource('practitioner-roles', 'PractitionerRole', null, ['status'], ALL_OPERATIONS),
  defineResource('encounters', 'Encounter', 'subject', ['patientId', 'status', 'dateFrom', 'dateTo', 'sort'], ALL_OPERATIONS),
  defineResource('observations', 'Observation', 'subject', ['patientId', 'status', 'dateFrom', 'dateTo', 'sort'], ALL_OPERATIONS),
  defineResource('medications', 'Medication', null, ['status'], ALL_OPERATIONS),
  defineResource('appointments', 'Appointment', 'participant.actor', ['patientId', 'status', 'dateFrom', 'dateTo', 'sort'], ALL_OPERATIONS),
  defineResource('prescriptions', 'MedicationRequest', 'subject', ['patientId', 'status', 'prescriberId', 'medication'], ALL_OPERATIONS),
  defineResource('intakes', 'QuestionnaireResponse', 'subject', ['patientId', 'status', 'dateFrom', 'dateTo'], ALL_OPERATIONS),
  defineResource('consents', 'Consent', 'patient', ['patientId', 'status', 'dateFrom', 'dateTo'], ALL_OPERATIONS),
  defineResource('labs', 'DiagnosticReport', 'subject', ['patientId', 'status', 'dateFrom', 'dateTo', 'sort'], ALL_OPERATIONS),
  defineResource(
    'notes',
    'DocumentReference',
    'subject',
    ['patientId', 'type', 'authorId', 'encounterId', 'dateFrom', 'dateTo'],
    ALL_OPERATIONS,
  ),
  defineResource(
    'assessments',
    'ClinicalImpression',
    'subject',
    ['patientId', 'status', 'practitionerId', 'encounterId', 'dateFrom', 'dateTo'],
    ALL_OPERATIONS,
  ),
  defineResource(
    'documents',
    'Composition',
    'subject',
    ['patientId', 'type', 'practitionerId', 'status', 'dateFrom', 'dateTo'],
    ALL_OPERATIONS,
  ),
  defineResource(
    'appointment-responses',
    'AppointmentResponse',
    'actor',
    ['appointmentId', 'actorId', 'participantStatus'],
    ALL_OPERATIONS,
  ),
  defineResource(
    'tasks',
    'Task',
    'for',
    ['patientId', 'status', 'ownerId', 'requesterId', 'priority', 'code', 'dateFrom', 'dateTo', 'sort'],
    ALL_OPERATIONS,
  ),
  defineResource('slots', 'Slot', null, ['scheduleId', 'status', 'serviceType', 'specialty', 'dateFrom', 'dateTo'], ALL_OPERATIONS),
  defineResource('organizations', 'Organization', null, ['name', 'type', 'active'], ALL_OPERATIONS),
  defineResource('accounts', 'Account', 'subject', ['patientId', 'status', 'type', 'ownerId'], ALL_OPERATIONS),
  defineResource('healthcare-services', 'HealthcareService', null, ['name', 'type', 'specialty', 'active'], ALL_OPERATIONS),
  defineResource(
    'service-requests',
    'ServiceRequest',
    'subject',
    ['patientId', 'status', 'priority', 'category', 'requesterId', 'performerId', 'code', 'dateFrom', 'dateTo', 'sort'],
    ALL_OPERATIONS,
  ),
  defineResource('locations', 'Location', null, ['name', 'status', 'type', 'address', 'sort'], ALL_OPERATIONS),
  defineResource(
    'schedules',
    'Schedule',
    'actor',
    ['actorId', 'serviceType', 'specialty', 'active', 'dateFrom', 'dateTo', 'sort'],
    ALL_OPERATIONS,
  ),
  defineResource('persons', 'Person', 'link.target', ['name', 'email', 'phone', 'active', 'sort'], ALL_OPERATIONS),
  defineResource(
    'family-history',
    'FamilyMemberHistory',
    'patient',
    ['patientId', 'status', 'relationship', 'dateFrom', 'dateTo', 'sort'],
    ALL_OPERATIONS,
  ),
  defineResource('care-plans', 'CarePlan', 'subject', ['patientId', 'status', 'category', 'authorId'], ALL_OPERATIONS),
  defineResource('immunizations', 'Immunization', 'patient', ['patientId', 'status', 'vaccineCode', 'dateFrom', 'dateTo'], ALL_OPERATIONS),
  defineResource('claims', 'Claim', 'patient', ['patientId', 'status', 'use', 'providerId', 'dateFrom', 'dateTo'], ALL_OPERATIONS),
  defineResource('claim-responses', 'ClaimResponse', 'patient', ['patientId', 'status', 'use', 'outcome', 'requestId'], ALL_OPERATIONS),
  defineResource(
    'allergies',
    'AllergyIntolerance',
    'patient',
    ['patientId', 'clinicalStatus', 'type', 'category', 'criticality', 'code'],
    ALL_OPERATIONS,
  ),
  defineResource('care-teams', 'CareTeam', 'subject', ['patientId', 'status', 'category'], ALL_OPERATIONS),
  defineResource(
    'conditions',
    'Condition',
    'subject',
    ['patientId', 'clinicalStatus', 'verificationStatus', 'category', 'severity', 'code'],
    ALL_OPERATIONS,
  ),
  defineResource('charge-items', 'ChargeItem', 'subject', ['patientId', 'status', 'code', 'dateFrom', 'dateTo'], ALL_OPERATIONS),
  defineResource('coverages', 'Coverage', 'beneficiary', ['patientId', 'status', 'type', 'payorId'], ALL_OPERATIONS),
  defineResource(
    'eligibility-requests',
    'CoverageEligibilityRequest',
    'patient',
    ['patientId', 'status', 'dateFrom', 'dateTo'],
    ALL_OPERATIONS,
  ),
  defineResource(
    'eligibility-responses',
    'CoverageEligibilityResponse',
    'patient',
    ['patientId', 'status', 'outcome', 'requestId'],
    ALL_OPERATIONS,
  ),
  defineResource('eobs', 'ExplanationOfBenefit', 'patient', ['patientId', 'status', 'use', 'outcome', 'claimId'], ALL_OPERATIONS),
  defineResource('devices', 'Device', 'patient', ['patientId', 'status', 'type', 'manufacturer', 'modelNumber'], ALL_OPERATIONS),
  defineResource('device-requests', 'DeviceRequest', 'subject', ['patientId', 'status', 'intent', 'code'], ALL_OPERATIONS),
  defineResource('device-use-statements', 'DeviceUseStatement', 'subject', ['patientId', 'status', 'deviceId'], ALL_OPERATIONS),
  defineResource('goals', 'Goal', 'subject', ['patientId', 'lifecycleStatus', 'achievementStatus', 'category'], ALL_OPERATIONS),
  defineResource('invoices', 'Invoice', 'subject', ['patientId', 'status', 'issuerId', 'dateFrom', 'dateTo'], ALL_OPERATIONS),
  defineResource('medication-dispenses', 'MedicationDispense', 'subject', ['patientId', 'status', 'medication'], ALL_OPERATIONS),
  defineResource('medication-knowledge', 'MedicationKnowledge', null, ['code', 'status', 'doseForm', 'manufacturer'], ALL_OPERATIONS),
  defineResource(
    'medication-statements',
    'MedicationStatement',
    'subject',
    ['patientId', 'status', 'medication', 'category'],
    ALL_OPERATIONS,
  ),
  defineResource('payment-notices', 'PaymentNotice', null, ['status', 'dateFrom', 'dateTo', 'providerId'], ALL_OPERATIONS),
  defineResource('payment-reconciliations', 'PaymentReconciliation', null, ['status', 'dateFrom', 'dateTo', 'outcome'], ALL_OPERATIONS),
  defineResource('specimens', 'Specimen', 'subject', ['patientId', 'status', 'type', 'dateFrom', 'dateTo'], ALL_OPERATIONS),
  defineResource('imaging-studies', 'ImagingStudy', 'subject', ['patientId', 'status', 'modality', 'dateFrom', 'dateTo'], ALL_OPERATIONS),
  defineResource('enrollment-requests', 'EnrollmentRequest', 'candidate', ['candidateId', 'status', 'insurerId'], ALL_OPERATIONS),
  defineResource('enrollment-responses', 'EnrollmentResponse', null, ['status', 'outcome'], ALL_OPERATIONS),
  defineResource(
    'immunization-evaluations',
    'ImmunizationEvaluation',
    'patient',
    ['patientId', 'status', 'immunizationEventId', 'targetDisease'],
    ALL_OPERATIONS,
  ),
  defineResource('media', 'Media', 'subject', ['patientId', 'status', 'type', 'modality', 'dateFrom', 'dateTo'], ALL_OPERATIONS),
  defineResource('activity-definitions', 'ActivityDefinition', null, ['status', 'name', 'title', 'kind', 'code'], ALL_OPERATIONS),
  defineResource('nutrition-orders', 'NutritionOrder', 'patient', ['patientId', 'status', 'dateFrom', 'dateTo'], ALL_OPERATIONS),
  defineResource('plan-definitions', 'PlanDefinition', null, ['status', 'name', 'title', 'type'], ALL_OPERATIONS),
  defineResource(
    'vision-prescriptions',
    'VisionPrescription',
    'patient',
    ['patientId', 'status', 'prescriberId', 'dateFrom', 'dateTo'],
    ALL_OPERATIONS,
  ),
  defineResource('risk-assessments', 'RiskAssessment', 'subject', ['patientId', 'status', 'method', 'conditionId'], ALL_OPERATIONS),
  defineResource(
    'audit-events',
    'AuditEvent',
    'entity.what',
    ['action', 'outcome', 'agent', 'dateFrom', 'dateTo'],
    ['create', 'search', 'read', 'delete'],
  ),
  defineResource('measures', 'Measure', null, ['status', 'name', 'title', 'topic'], ALL_OPERATIONS),
  defineResource('measure-reports', 'MeasureReport', 'subject', ['patientId', 'status', 'measureId', 'dateFrom', 'dateTo'], ALL_OPERATIONS),
  defineResource(
    'immunization-recommendations',
    'ImmunizationRecommendation',
    'patient',
    ['patientId', 'vaccineCode', 'targetDisease', 'dateFrom', 'dateTo'],
    ['create', 'search', 'read', 'delete'],
  ),
] as const;

/** A resource path under `/v1`, e.g. `'patients'`. */
export type ResourcePath = (typeof RESOURCE_CATALOGUE)[number]['path'];

/** The FHIR resource type name stored behind a path: `ResourceTypeOf<'labs'>` is `'DiagnosticReport'`. */
export type ResourceTypeOf<P extends ResourcePath> = Extract<(typeof RESOURCE_CATALOGUE)[number], { path: P }>['resourceType'];

const byPath = new Map<string, ResourceDefinition>(RESOURCE_CATALOGUE.map((entry) => [entry.path, entry]));
const byType = new Map<string, ResourceDefinition>(RESOURCE_CATALOGUE.map((entry) => [entry.resourceType, entry]));

/** The catalogue entry for a `/v1` path segment, or `undefined` when the path is not part of the API. */
export function findResource(path: string): ResourceDefinition | undefined {
  return byPath.get(path);
}

/** The catalogue entry that stores a FHIR resource type, or `undefined` when no path stores it. */
export function findResourceByType(resourceType: string): ResourceDefinition | undefined {
  return byType.get(resourceType);
}

/** True when `path` is one of the catalogue's resource paths. */
export function isResourcePath(path: string): path is ResourcePath {
  return byPath.has(path);
}

/**
 * Where each search parameter of the catalogue finds its values in the stored FHIR resource. A parameter not listed
 * for a type reads the element of the same name (`status` → `status`); `patientId`, `dateFrom`, `dateTo`, `name` and
 * `sort` are handled by the search itself. Paths are dotted, walk arrays, and may pick array items by a field:
 * `telecom[system=email].value`.
 */

export interface SearchDefinition {
  /** Elements that give the record's date, first present wins: what `dateFrom`/`dateTo` and `sort=date` use. */
  readonly date?: readonly string[];
  /** Token parameters whose values live somewhere other than the element of the same name. */
  readonly tokens?: Readonly<Record<string, readonly string[]>>;
  /** Values a token has when its element is absent (FHIR's `active` means true when left out). */
  readonly defaults?: Readonly<Record<string, string>>;
  /** Query values that mean a stored value: PractitionerRole's `status=active` is its `active: true`. */
  readonly aliases?: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

const ACTIVE_DEFAULT = { active: 'true' } as const;

export const SEARCH_DEFINITIONS: Readonly<Record<string, SearchDefinition>> = {
  Patient: {
    tokens: { email: ['telecom[system=email].value'], phone: ['telecom[system=phone].value'] },
    defaults: ACTIVE_DEFAULT,
  },
  Practitioner: {
    tokens: {
      specialty: [
        'extension[url=https://clinikapi.com/fhir/StructureDefinition/practitioner-specialty].valueCodeableConcept',
        'qualification.code',
      ],
      npi: ['identifier[system=http://hl7.org/fhir/sid/us-npi].value'],
    },
    defaults: ACTIVE_DEFAULT,
  },
  PractitionerRole: {
    tokens: { status: ['active'] },
    defaults: { status: 'true' },
    aliases: { status: { active: 'true', inactive: 'false' } },
  },
  Encounter: { date: ['period.start'] },
  Observation: { date: ['effectiveDateTime', 'effectivePeriod.start', 'effectiveInstant', 'issued'] },
  Medication: {},
  Appointment: { date: ['start'] },
  MedicationRequest: {
    date: ['authoredOn'],
    tokens: { prescriberId: ['requester'], medication: ['medicationCodeableConcept', 'medicationReference'] },
  },
  QuestionnaireResponse: { date: ['authored'] },
  Consent: { date: ['dateTime'] },
  DiagnosticReport: { date: ['effectiveDateTime', 'effectivePeriod.start', 'issued'] },
  DocumentReference: { date: ['date'], tokens: { authorId: ['author'], encounterId: ['context.encounter'] } },
  ClinicalImpression: { date: ['date', 'effectiveDateTime'], tokens: { practitionerId: ['assessor'], encounterId: ['encounter'] } },
  Composition: { date: ['date'], tokens: { practitionerId: ['author'] } },
  AppointmentResponse: { date: ['start'], tokens: { appointmentId: ['appointment'], actorId: ['actor'] } },
  Task: { date: ['authoredOn'], tokens: { ownerId: ['owner'], requesterId: ['requester'] } },
  Slot: { date: ['start'], tokens: { scheduleId: ['schedule'] } },
  Organization: { defaults: ACTIVE_DEFAULT },
  Account: { date: ['servicePeriod.start'], tokens: { ownerId: ['owner'] } },
  HealthcareService: { defaults: ACTIVE_DEFAULT },
  ServiceRequest: {
    date: ['authoredOn', 'occurrenceDateTime', 'occurrencePeriod.start'],
    tokens: { requesterId: ['requester'], performerId: ['performer'] },
  },
  Location: {},
  Schedule: { date: ['planningHorizon.start'], tokens: { actorId: ['actor'] }, defaults: ACTIVE_DEFAULT },
  Person: { tokens: { email: ['telecom[system=email].value'], phone: ['telecom[system=phone].value'] }, defaults: ACTIVE_DEFAULT },
  FamilyMemberHistory: { date: ['date'] },
  CarePlan: { date: ['created', 'period.start'], tokens: { authorId: ['author'] } },
  Immunization: { date: ['occurrenceDateTime', 'recorded'] },
  Claim: { date: ['created'], tokens: { providerId: ['provider'] } },
  ClaimResponse: { date: ['created'], tokens: { requestId: ['request'] } },
  AllergyIntolerance: { date: ['recordedDate', 'onsetDateTime'] },
  CareTeam: { date: ['period.start'] },
  Condition: { date: ['recordedDate', 'onsetDateTime'] },
  ChargeItem: { date: ['occurrenceDateTime', 'occurrencePeriod.start', 'enteredDate'] },
  Coverage: { date: ['period.start'], tokens: { payorId: ['payor'] } },
  CoverageEligibilityRequest: { date: ['created'] },
  CoverageEligibilityResponse: { date: ['created'], tokens: { requestId: ['request'] } },
  ExplanationOfBenefit: { date: ['created'], tokens: { claimId: ['claim'] } },
  Device: { tokens: { manufacturer: ['manufacturer'], modelNumber: ['modelNumber'] } },
  DeviceRequest: { date: ['authoredOn'], tokens: { code: ['codeCodeableConcept', 'codeReference'] } },
  DeviceUseStatement: { date: ['recordedOn', 'timingDateTime'], tokens: { deviceId: ['device'] } },
  Goal: { date: ['startDate', 'statusDate'] },
  Invoice: { date: ['date'], tokens: { issuerId: ['issuer'] } },
  MedicationDispense: {
    date: ['whenHandedOver', 'whenPrepared'],
    tokens: { medication: ['medicationCodeableConcept', 'medicationReference'] },
  },
  MedicationKnowledge: { tokens: { manufacturer: ['manufacturer'] } },
  MedicationStatement: {
    date: ['effectiveDateTime', 'effectivePeriod.start', 'dateAsserted'],
    tokens: { medication: ['medicationCodeableConcept', 'medicationReference'] },
  },
  PaymentNotice: { date: ['created'], tokens: { providerId: ['provider'] } },
  PaymentReconciliation: { date: ['created'] },
  Specimen: { date: ['collection.collectedDateTime', 'collection.collectedPeriod.start', 'receivedTime'] },
  ImagingStudy: { date: ['started'] },
  EnrollmentRequest: { date: ['created'], tokens: { candidateId: ['candidate'], insurerId: ['insurer'] } },
  EnrollmentResponse: { date: ['created'] },
  ImmunizationEvaluation: { date: ['date'], tokens: { immunizationEventId: ['immunizationEvent'] } },
  Media: { date: ['createdDateTime', 'createdPeriod.start', 'issued'] },
  ActivityDefinition: {},
  NutritionOrder: { date: ['dateTime'] },
  PlanDefinition: {},
  VisionPrescription: { date: ['dateWritten'], tokens: { prescriberId: ['prescriber'] } },
  RiskAssessment: { date: ['occurrenceDateTime', 'occurrencePeriod.start'], tokens: { conditionId: ['condition'] } },
  AuditEvent: { date: ['recorded'], tokens: { agent: ['agent.who'] } },
  Measure: {},
  MeasureReport: { date: ['date', 'period.start'], tokens: { measureId: ['measure'] } },
  ImmunizationRecommendation: {
    date: ['date'],
    tokens: { vaccineCode: ['recommendation.vaccineCode'], targetDisease: ['recommendation.targetDisease'] },
  },
};

/** Parameters that match by normalised digits, so `+1 (512) 555-0142` finds `+1 512 555 0142`. */
export const DIGIT_PARAMS: ReadonlySet<string> = new Set(['phone']);

/** FHIR R4 types (from `@medplum/fhirtypes`, types only) keyed by the catalogue's paths. */
import type { ExtractResource } from '@medplum/fhirtypes';
import type { ResourcePath, ResourceTypeOf } from './catalogue.ts';

export type {
  Bundle,
  BundleEntry,
  CodeableConcept,
  Coding,
  Meta,
  Quantity,
  Reference,
  Resource,
  ResourceType,
  AllergyIntolerance,
  Appointment,
  CarePlan,
  ClinicalImpression,
  Composition,
  Condition,
  Consent,
  DiagnosticReport,
  DocumentReference,
  Encounter,
  Goal,
  Immunization,
  Medication,
  MedicationRequest,
  Observation,
  Patient,
  Practitioner,
  PractitionerRole,
  QuestionnaireResponse,
} from '@medplum/fhirtypes';

/** The FHIR R4 resource stored behind a catalogue path: `FhirResourceOf<'labs'>` is `DiagnosticReport`. */
export type FhirResourceOf<P extends ResourcePath> = ExtractResource<ResourceTypeOf<P>>;

/** The tag system ClinikAPI stamps on every stored resource to name the organisation that owns it. */
export const TENANT_TAG_SYSTEM = 'https://clinikapi.com/tenant';

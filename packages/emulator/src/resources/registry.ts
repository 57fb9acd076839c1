/** Which mapping each of the 62 paths uses: simplified shapes for the 19 the widgets use, FHIR JSON for the rest. */
import { RESOURCE_CATALOGUE, hasSimplifiedSchemas, type MappedResourcePath } from '@clinikapi/core';
import type { FhirJsonMapping, ResourceMapping, SimplifiedMapping } from './mapping.ts';
import { allergyMapping } from './mappings/allergies.ts';
import { appointmentMapping } from './mappings/appointments.ts';
import { assessmentMapping } from './mappings/assessments.ts';
import { carePlanMapping } from './mappings/care-plans.ts';
import { conditionMapping } from './mappings/conditions.ts';
import { consentMapping } from './mappings/consents.ts';
import { documentMapping } from './mappings/documents.ts';
import { encounterMapping } from './mappings/encounters.ts';
import { goalMapping } from './mappings/goals.ts';
import { immunizationMapping } from './mappings/immunizations.ts';
import { intakeMapping } from './mappings/intakes.ts';
import { labMapping } from './mappings/labs.ts';
import { medicationMapping } from './mappings/medications.ts';
import { noteMapping } from './mappings/notes.ts';
import { observationMapping } from './mappings/observations.ts';
import { patientMapping } from './mappings/patients.ts';
import { practitionerRoleMapping } from './mappings/practitioner-roles.ts';
import { practitionerMapping } from './mappings/practitioners.ts';
import { prescriptionMapping } from './mappings/prescriptions.ts';

export const SIMPLIFIED_MAPPINGS: Readonly<Record<MappedResourcePath, SimplifiedMapping>> = {
  patients: patientMapping,
  practitioners: practitionerMapping,
  'practitioner-roles': practitionerRoleMapping,
  encounters: encounterMapping,
  observations: observationMapping,
  medications: medicationMapping,
  prescriptions: prescriptionMapping,
  appointments: appointmentMapping,
  intakes: intakeMapping,
  consents: consentMapping,
  labs: labMapping,
  notes: noteMapping,
  assessments: assessmentMapping,
  documents: documentMapping,
  conditions: conditionMapping,
  allergies: allergyMapping,
  immunizations: immunizationMapping,
  'care-plans': carePlanMapping,
  goals: goalMapping,
};

const FHIR_JSON: FhirJsonMapping = { kind: 'fhir' };

/** The mapping of a catalogue path. */
export function mappingFor(path: string): ResourceMapping {
  return hasSimplifiedSchemas(path) ? SIMPLIFIED_MAPPINGS[path] : FHIR_JSON;
}

/** The paths whose requests are the FHIR resource itself. */
export const FHIR_JSON_PATHS: readonly string[] = RESOURCE_CATALOGUE.map((entry) => entry.path).filter((path) => !hasSimplifiedSchemas(path));

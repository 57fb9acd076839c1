/** Allergy: the simplified shape ↔ FHIR R4 AllergyIntolerance. */
import { allergyCreateSchema, allergyUpdateSchema, type AllergyIntolerance } from '@clinikapi/core';
import {
  coded,
  codedOut,
  compact,
  concept,
  conceptOut,
  notes,
  notesOut,
  ref,
  refOut,
  textConcept,
  textConceptOut,
  textConcepts,
  textConceptsOut,
  typedRef,
  typedRefOut,
} from '../fhir-values.ts';
import { defineMapping } from '../mapping.ts';

const CLINICAL_SYSTEM = 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical';
const VERIFICATION_SYSTEM = 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification';

/**
 * FHIR ait-1 wants a clinical status on every allergy not entered in error; the contract leaves it optional. One left
 * out is active — inactive when the allergy is refuted.
 */
function defaultClinicalStatus(verificationStatus: string | undefined): string | undefined {
  if (verificationStatus === 'entered-in-error') return undefined;
  return verificationStatus === 'refuted' ? 'inactive' : 'active';
}

export const allergyMapping = defineMapping({
  createSchema: allergyCreateSchema,
  updateSchema: allergyUpdateSchema,
  toFhir: (input) =>
    compact({
      resourceType: 'AllergyIntolerance' as const,
      clinicalStatus: coded(CLINICAL_SYSTEM, input.clinicalStatus ?? defaultClinicalStatus(input.verificationStatus)),
      verificationStatus: coded(VERIFICATION_SYSTEM, input.verificationStatus),
      type: input.type,
      category: input.category,
      criticality: input.criticality,
      code: concept(input.code),
      patient: ref('Patient', input.patientId) ?? { reference: '' },
      encounter: ref('Encounter', input.encounterId),
      onsetDateTime: input.onsetDateTime,
      onsetString: input.onsetString,
      recordedDate: input.recordedDate,
      recorder: ref('Practitioner', input.recorderId),
      asserter: typedRef(input.asserterId, 'Practitioner'),
      lastOccurrence: input.lastOccurrence,
      note: notes(input.note),
      reaction: input.reaction?.map((reaction) =>
        compact({
          substance: textConcept(reaction.substance),
          manifestation: textConcepts(reaction.manifestation) ?? [],
          description: reaction.description,
          onset: reaction.onset,
          severity: reaction.severity,
          exposureRoute: textConcept(reaction.exposureRoute),
          note: notes(reaction.note),
        }),
      ),
    }),
  fromFhir: (resource) => {
    const allergy = resource as AllergyIntolerance;
    return compact({
      patientId: refOut(allergy.patient, 'Patient') ?? '',
      clinicalStatus: codedOut(allergy.clinicalStatus),
      verificationStatus: codedOut(allergy.verificationStatus),
      type: allergy.type,
      category: allergy.category,
      criticality: allergy.criticality,
      code: conceptOut(allergy.code),
      encounterId: refOut(allergy.encounter, 'Encounter'),
      onsetDateTime: allergy.onsetDateTime,
      onsetString: allergy.onsetString,
      recordedDate: allergy.recordedDate,
      recorderId: refOut(allergy.recorder, 'Practitioner'),
      asserterId: typedRefOut(allergy.asserter, 'Practitioner'),
      lastOccurrence: allergy.lastOccurrence,
      note: notesOut(allergy.note),
      reaction: allergy.reaction?.map((reaction) =>
        compact({
          substance: textConceptOut(reaction.substance),
          manifestation: textConceptsOut(reaction.manifestation) ?? [],
          description: reaction.description,
          onset: reaction.onset,
          severity: reaction.severity,
          exposureRoute: textConceptOut(reaction.exposureRoute),
          note: notesOut(reaction.note),
        }),
      ),
    });
  },
});

/** Condition: the simplified shape ↔ FHIR R4 Condition. */
import { conditionCreateSchema, conditionUpdateSchema, type Condition } from '@clinikapi/core';
import {
  anyRefs,
  anyRefsOut,
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

const CLINICAL_SYSTEM = 'http://terminology.hl7.org/CodeSystem/condition-clinical';
const VERIFICATION_SYSTEM = 'http://terminology.hl7.org/CodeSystem/condition-ver-status';
const CATEGORY_SYSTEM = 'http://terminology.hl7.org/CodeSystem/condition-category';
const SNOMED = 'http://snomed.info/sct';
/** The condition-severity value set's SNOMED codes for the words the widget offers. */
const SEVERITY_CODES: Readonly<Record<string, string>> = { mild: '255604002', moderate: '6736007', severe: '24484000' };

function severity(value: string | undefined) {
  if (value === undefined) return undefined;
  const code = SEVERITY_CODES[value.toLowerCase()];
  return code ? { coding: [{ system: SNOMED, code, display: value }], text: value } : { text: value };
}

export const conditionMapping = defineMapping({
  createSchema: conditionCreateSchema,
  updateSchema: conditionUpdateSchema,
  toFhir: (input) =>
    compact({
      resourceType: 'Condition' as const,
      clinicalStatus: coded(CLINICAL_SYSTEM, input.clinicalStatus),
      verificationStatus: coded(VERIFICATION_SYSTEM, input.verificationStatus),
      category: input.category?.map((category) => coded(CATEGORY_SYSTEM, category) as NonNullable<ReturnType<typeof coded>>),
      severity: severity(input.severity),
      code: concept(input.code),
      bodySite: textConcepts(input.bodySite),
      subject: ref('Patient', input.patientId) ?? { reference: '' },
      encounter: ref('Encounter', input.encounterId),
      onsetDateTime: input.onsetDateTime,
      onsetString: input.onsetString,
      abatementDateTime: input.abatementDateTime,
      abatementString: input.abatementString,
      recordedDate: input.recordedDate,
      recorder: ref('Practitioner', input.recorderId),
      asserter: typedRef(input.asserterId, 'Practitioner'),
      stage: input.stage?.map((stage) => compact({ summary: textConcept(stage.summary), type: textConcept(stage.type) })),
      evidence: input.evidence?.map((evidence) => compact({ code: textConcepts(evidence.code), detail: anyRefs(evidence.detailIds) })),
      note: notes(input.note),
    }),
  fromFhir: (resource) => {
    const condition = resource as Condition;
    return compact({
      patientId: refOut(condition.subject, 'Patient') ?? '',
      clinicalStatus: codedOut(condition.clinicalStatus),
      verificationStatus: codedOut(condition.verificationStatus),
      category: condition.category?.map((category) => codedOut(category) ?? ''),
      severity: textConceptOut(condition.severity),
      code: conceptOut(condition.code),
      bodySite: textConceptsOut(condition.bodySite),
      encounterId: refOut(condition.encounter, 'Encounter'),
      onsetDateTime: condition.onsetDateTime,
      onsetString: condition.onsetString,
      abatementDateTime: condition.abatementDateTime,
      abatementString: condition.abatementString,
      recordedDate: condition.recordedDate,
      recorderId: refOut(condition.recorder, 'Practitioner'),
      asserterId: typedRefOut(condition.asserter, 'Practitioner'),
      stage: condition.stage?.map((stage) => compact({ summary: textConceptOut(stage.summary), type: textConceptOut(stage.type) })),
      evidence: condition.evidence?.map((evidence) =>
        compact({ code: textConceptsOut(evidence.code), detailIds: anyRefsOut(evidence.detail) }),
      ),
      note: notesOut(condition.note),
    });
  },
});

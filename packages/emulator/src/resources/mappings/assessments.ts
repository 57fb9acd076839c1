/** Assessment: the simplified shape ↔ FHIR R4 ClinicalImpression. */
import { assessmentCreateSchema, assessmentUpdateSchema, type ClinicalImpression } from '@clinikapi/core';
import {
  anyRefs,
  anyRefsOut,
  compact,
  notes,
  notesOut,
  ref,
  refOut,
  textConcept,
  textConceptOut,
  typedRefs,
  typedRefsOut,
} from '../fhir-values.ts';
import { defineMapping } from '../mapping.ts';

type Concept = { coding?: { code?: string }[]; text?: string };

/** A finding or prognosis: its code as a coding, its wording as text. */
const codeAndText = (code: string | undefined, text: string | undefined): Concept =>
  compact({ coding: code ? [{ code }] : undefined, text });
const codeAndTextOut = (value: Concept | undefined) => compact({ code: value?.coding?.[0]?.code, text: value?.text });

export const assessmentMapping = defineMapping({
  createSchema: assessmentCreateSchema,
  updateSchema: assessmentUpdateSchema,
  toFhir: (input, context) =>
    compact({
      resourceType: 'ClinicalImpression' as const,
      status: input.status,
      statusReason: textConcept(input.statusReason),
      code: textConcept(input.code),
      description: input.description,
      subject: ref('Patient', input.patientId) ?? { reference: '' },
      encounter: ref('Encounter', input.encounterId),
      effectiveDateTime: input.effectiveDateTime,
      date: input.date ?? context.now,
      assessor: ref('Practitioner', input.practitionerId),
      previous: ref('ClinicalImpression', input.previousAssessmentId),
      problem: typedRefs(input.problemIds, 'Condition'),
      investigation: input.investigations?.map((investigation) =>
        compact({ code: { text: investigation.name }, item: typedRefs(investigation.itemIds, 'Observation') }),
      ),
      protocol: input.protocol,
      summary: input.summary,
      finding: input.findings?.map((finding) =>
        compact({ itemCodeableConcept: codeAndText(finding.code, finding.text), basis: finding.basis }),
      ),
      prognosisCodeableConcept: input.prognosis?.map((prognosis) => codeAndText(prognosis.code, prognosis.text)),
      supportingInfo: anyRefs(input.supportingInfoIds),
      note: notes(input.note),
    }),
  fromFhir: (resource) => {
    const impression = resource as ClinicalImpression;
    return compact({
      status: impression.status,
      statusReason: textConceptOut(impression.statusReason),
      patientId: refOut(impression.subject, 'Patient') ?? '',
      encounterId: refOut(impression.encounter, 'Encounter'),
      practitionerId: refOut(impression.assessor, 'Practitioner'),
      code: textConceptOut(impression.code),
      description: impression.description,
      summary: impression.summary ?? '',
      findings: impression.finding?.map((finding) => compact({ ...codeAndTextOut(finding.itemCodeableConcept), basis: finding.basis })),
      note: notesOut(impression.note),
      effectiveDateTime: impression.effectiveDateTime,
      date: impression.date,
      previousAssessmentId: refOut(impression.previous, 'ClinicalImpression'),
      problemIds: typedRefsOut(impression.problem, 'Condition'),
      investigations: impression.investigation?.map((investigation) =>
        compact({ name: textConceptOut(investigation.code) ?? '', itemIds: typedRefsOut(investigation.item, 'Observation') }),
      ),
      protocol: impression.protocol,
      prognosis: impression.prognosisCodeableConcept?.map(codeAndTextOut),
      supportingInfoIds: anyRefsOut(impression.supportingInfo),
    });
  },
});

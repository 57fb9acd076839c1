/** Document: the simplified shape ↔ FHIR R4 Composition; section text is stored as escaped XHTML narrative. */
import { documentCreateSchema, documentUpdateSchema, type Composition, type DocumentSection } from '@clinikapi/core';
import { anyRefs, anyRefsOut, compact, narrative, narrativeOut, ref, refOut, textConcept, textConceptOut } from '../fhir-values.ts';
import { defineMapping } from '../mapping.ts';

type Section = NonNullable<Composition['section']>[number];

/** A section and its sub-sections, to any depth. */
function sectionToFhir(section: DocumentSection): Section {
  return compact({
    title: section.title,
    code: textConcept(section.code),
    author: section.authorId ? [{ reference: `Practitioner/${section.authorId}` }] : undefined,
    mode: section.mode,
    text: narrative(section.text),
    entry: anyRefs(section.resourceIds),
    section: section.sections?.map(sectionToFhir),
  });
}

function sectionFromFhir(section: Section): DocumentSection {
  return compact({
    title: section.title ?? '',
    code: textConceptOut(section.code),
    text: narrativeOut(section.text) ?? '',
    resourceIds: anyRefsOut(section.entry),
    authorId: refOut(section.author?.[0], 'Practitioner'),
    mode: section.mode as DocumentSection['mode'],
    sections: section.section?.map(sectionFromFhir),
  });
}

export const documentMapping = defineMapping({
  createSchema: documentCreateSchema,
  updateSchema: documentUpdateSchema,
  toFhir: (input, context) =>
    compact({
      resourceType: 'Composition' as const,
      status: input.status,
      type: { text: input.type },
      category: input.category?.map((text) => ({ text })),
      subject: ref('Patient', input.patientId),
      encounter: ref('Encounter', input.encounterId),
      date: input.date ?? context.now,
      author: [{ reference: `Practitioner/${input.practitionerId}` }],
      title: input.title,
      confidentiality: input.confidentiality,
      attester: input.attester?.map((attester) =>
        compact({ mode: attester.mode, time: attester.time, party: ref('Practitioner', attester.partyId) }),
      ),
      custodian: ref('Organization', input.custodianId),
      relatesTo: input.relatesTo?.map((relation) => ({
        code: relation.code,
        targetReference: { reference: `Composition/${relation.targetId}` },
      })),
      event: input.event?.map((event) =>
        compact({
          code: event.code?.map((coding) => ({ coding: [compact({ ...coding })] })),
          period: event.period && compact({ ...event.period }),
          detail: anyRefs(event.detailIds),
        }),
      ),
      section: input.sections.map(sectionToFhir),
    }),
  fromFhir: (resource) => {
    const composition = resource as Composition;
    return compact({
      status: composition.status,
      type: textConceptOut(composition.type) ?? '',
      category: composition.category?.map((category) => textConceptOut(category) ?? ''),
      patientId: refOut(composition.subject, 'Patient') ?? '',
      encounterId: refOut(composition.encounter, 'Encounter'),
      practitionerId: refOut(composition.author?.[0], 'Practitioner') ?? '',
      title: composition.title ?? '',
      date: composition.date,
      confidentiality: composition.confidentiality,
      attester: composition.attester?.map((attester) =>
        compact({ mode: attester.mode, time: attester.time, partyId: refOut(attester.party, 'Practitioner') }),
      ),
      custodianId: refOut(composition.custodian, 'Organization'),
      relatesTo: composition.relatesTo?.map((relation) => ({
        code: relation.code,
        targetId: refOut(relation.targetReference, 'Composition') ?? '',
      })),
      event: composition.event?.map((event) =>
        compact({
          code: event.code?.map((code) => compact({ ...(code.coding?.[0] ?? { display: code.text }) })),
          period: event.period,
          detailIds: anyRefsOut(event.detail),
        }),
      ),
      sections: (composition.section ?? []).map(sectionFromFhir),
    });
  },
});

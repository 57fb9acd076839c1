/** Note: the simplified shape ↔ FHIR R4 DocumentReference; the text is stored as a base64 attachment. */
import { NOTE_TYPES, noteCreateSchema, noteUpdateSchema, type DocumentReference, type NoteType } from '@clinikapi/core';
import { compact, compactOrNone, fromBase64, ref, refOut, textConcept, textConceptOut, toBase64 } from '../fhir-values.ts';
import { defineMapping } from '../mapping.ts';

const LOINC = 'http://loinc.org';

function typeToFhir(type: NoteType | undefined) {
  if (type === undefined) return undefined;
  const { code, display } = NOTE_TYPES[type];
  return code ? { coding: [{ system: LOINC, code, display }], text: type } : { text: type };
}

export const noteMapping = defineMapping({
  createSchema: noteCreateSchema,
  updateSchema: noteUpdateSchema,
  toFhir: (input, context) =>
    compact({
      resourceType: 'DocumentReference' as const,
      status: 'current' as const,
      docStatus: input.docStatus,
      type: typeToFhir(input.type),
      category: input.category ? [{ text: input.category }] : undefined,
      subject: ref('Patient', input.patientId),
      date: input.date ?? context.now,
      author: input.authorId ? [{ reference: `Practitioner/${input.authorId}` }] : undefined,
      authenticator: ref('Practitioner', input.authenticatorId),
      custodian: ref('Organization', input.custodianId),
      relatesTo: input.relatesTo?.map((relation) => ({
        code: relation.code,
        target: { reference: `DocumentReference/${relation.targetId}` },
      })),
      description: input.title,
      securityLabel: input.securityLabel?.map((coding) => ({ coding: [compact({ ...coding })] })),
      content: [
        {
          attachment: {
            contentType: `${input.contentType ?? 'text/plain'}; charset=utf-8`,
            data: toBase64(input.content),
            title: input.title,
          },
        },
      ],
      context: compactOrNone({
        encounter: input.encounterId ? [{ reference: `Encounter/${input.encounterId}` }] : undefined,
        period: input.servicePeriod && compact({ ...input.servicePeriod }),
        facilityType: textConcept(input.facilityType),
        practiceSetting: textConcept(input.practiceSetting),
      }),
    }),
  fromFhir: (resource) => {
    const reference = resource as DocumentReference;
    const attachment = reference.content?.[0]?.attachment;
    const type = reference.type?.text;
    return compact({
      patientId: refOut(reference.subject, 'Patient') ?? '',
      authorId: refOut(reference.author?.[0], 'Practitioner'),
      encounterId: refOut(reference.context?.encounter?.[0], 'Encounter'),
      type: type && Object.hasOwn(NOTE_TYPES, type) ? type : undefined,
      title: reference.description ?? attachment?.title ?? '',
      content: attachment?.data ? fromBase64(attachment.data) : '',
      contentType: attachment?.contentType?.split(';')[0]?.trim(),
      docStatus: reference.docStatus,
      category: textConceptOut(reference.category?.[0]),
      date: reference.date,
      relatesTo: reference.relatesTo?.map((relation) => ({
        code: relation.code,
        targetId: refOut(relation.target, 'DocumentReference') ?? '',
      })),
      securityLabel: reference.securityLabel?.map((label) => compact({ ...(label.coding?.[0] ?? { display: label.text }) })),
      authenticatorId: refOut(reference.authenticator, 'Practitioner'),
      custodianId: refOut(reference.custodian, 'Organization'),
      servicePeriod: reference.context?.period,
      facilityType: textConceptOut(reference.context?.facilityType),
      practiceSetting: textConceptOut(reference.context?.practiceSetting),
    });
  },
});

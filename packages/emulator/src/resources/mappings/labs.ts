/** Lab: the simplified shape ↔ FHIR R4 DiagnosticReport. */
import { labCreateSchema, labUpdateSchema, type DiagnosticReport } from '@clinikapi/core';
import { coded, codedOut, compact, concept, conceptOut, ref, refOut, refs, refsOut } from '../fhir-values.ts';
import { defineMapping } from '../mapping.ts';

const SECTION_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v2-0074';

export const labMapping = defineMapping({
  createSchema: labCreateSchema,
  updateSchema: labUpdateSchema,
  toFhir: (input) =>
    compact({
      resourceType: 'DiagnosticReport' as const,
      basedOn: refs('ServiceRequest', input.basedOn),
      status: input.status,
      category: input.category ? [coded(SECTION_SYSTEM, input.category) as NonNullable<ReturnType<typeof coded>>] : undefined,
      code: concept(input.code) ?? { text: '' },
      subject: ref('Patient', input.patientId),
      encounter: ref('Encounter', input.encounterId),
      effectiveDateTime: input.effectiveDateTime,
      effectivePeriod: input.effectivePeriod && compact({ ...input.effectivePeriod }),
      performer: input.performer ? [{ reference: `Practitioner/${input.performer}` }] : undefined,
      resultsInterpreter: input.resultsInterpreter ? [{ reference: `Practitioner/${input.resultsInterpreter}` }] : undefined,
      specimen: refs('Specimen', input.specimenIds),
      result: refs('Observation', input.resultIds),
      media: input.media?.map((media) => compact({ comment: media.comment, link: { reference: `Media/${media.linkId}` } })),
      conclusion: input.conclusion,
      conclusionCode: input.conclusionCodes?.map((coding) => concept(coding) as NonNullable<ReturnType<typeof concept>>),
      presentedForm: input.presentedForm?.map((attachment) => compact({ ...attachment })),
    }),
  fromFhir: (resource) => {
    const report = resource as DiagnosticReport;
    return compact({
      status: report.status,
      code: conceptOut(report.code) ?? '',
      patientId: refOut(report.subject, 'Patient') ?? '',
      encounterId: refOut(report.encounter, 'Encounter'),
      effectiveDateTime: report.effectiveDateTime,
      effectivePeriod: report.effectivePeriod,
      resultIds: refsOut(report.result, 'Observation'),
      category: codedOut(report.category?.[0]),
      conclusion: report.conclusion,
      conclusionCodes: report.conclusionCode?.map((code) => conceptOut(code)).filter((coding) => typeof coding === 'object'),
      performer: refOut(report.performer?.[0], 'Practitioner'),
      resultsInterpreter: refOut(report.resultsInterpreter?.[0], 'Practitioner'),
      specimenIds: refsOut(report.specimen, 'Specimen'),
      presentedForm: report.presentedForm?.map((attachment) => compact({ ...attachment })),
      basedOn: refsOut(report.basedOn, 'ServiceRequest'),
      media: report.media?.map((media) => compact({ comment: media.comment, linkId: refOut(media.link, 'Media') ?? '' })),
    });
  },
});

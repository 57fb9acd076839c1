/** Immunization: the simplified shape ↔ FHIR R4 Immunization. */
import { immunizationCreateSchema, immunizationUpdateSchema, type Immunization } from '@clinikapi/core';
import {
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
} from '../fhir-values.ts';
import { defineMapping } from '../mapping.ts';

export const immunizationMapping = defineMapping({
  createSchema: immunizationCreateSchema,
  updateSchema: immunizationUpdateSchema,
  toFhir: (input, context) =>
    compact({
      resourceType: 'Immunization' as const,
      status: input.status,
      statusReason: textConcept(input.statusReason),
      vaccineCode: concept(input.vaccineCode) ?? { text: '' },
      patient: ref('Patient', input.patientId) ?? { reference: '' },
      encounter: ref('Encounter', input.encounterId),
      // FHIR requires an occurrence; when none is given, the vaccination is recorded as happening now.
      occurrenceDateTime: input.occurrenceDateTime ?? context.now,
      recorded: input.recorded,
      primarySource: input.primarySource,
      manufacturer: input.manufacturer ? { display: input.manufacturer } : undefined,
      lotNumber: input.lotNumber,
      expirationDate: input.expirationDate,
      site: textConcept(input.site),
      route: textConcept(input.route),
      doseQuantity: input.doseQuantity && compact({ ...input.doseQuantity }),
      performer: input.performer?.map((performer) =>
        compact({ function: textConcept(performer.function), actor: { reference: `Practitioner/${performer.actorId}` } }),
      ),
      note: notes(input.note),
      reasonCode: textConcepts(input.reasonCode),
      isSubpotent: input.isSubpotent,
      reaction: input.reaction?.map((reaction) => compact({ ...reaction })),
      protocolApplied: input.protocolApplied?.map((protocol) =>
        compact({
          series: protocol.series,
          targetDisease: textConcepts(protocol.targetDisease),
          doseNumberPositiveInt: protocol.doseNumber,
          seriesDosesPositiveInt: protocol.seriesDoses,
        }),
      ),
    }),
  fromFhir: (resource) => {
    const immunization = resource as Immunization;
    return compact({
      status: immunization.status,
      vaccineCode: conceptOut(immunization.vaccineCode) ?? '',
      patientId: refOut(immunization.patient, 'Patient') ?? '',
      encounterId: refOut(immunization.encounter, 'Encounter'),
      occurrenceDateTime: immunization.occurrenceDateTime,
      recorded: immunization.recorded,
      primarySource: immunization.primarySource,
      manufacturer: immunization.manufacturer?.display,
      lotNumber: immunization.lotNumber,
      expirationDate: immunization.expirationDate,
      site: textConceptOut(immunization.site),
      route: textConceptOut(immunization.route),
      doseQuantity:
        immunization.doseQuantity && compact({ value: immunization.doseQuantity.value as number, unit: immunization.doseQuantity.unit }),
      performer: immunization.performer?.map((performer) =>
        compact({ function: textConceptOut(performer.function), actorId: refOut(performer.actor, 'Practitioner') ?? '' }),
      ),
      note: notesOut(immunization.note),
      reasonCode: textConceptsOut(immunization.reasonCode),
      statusReason: textConceptOut(immunization.statusReason),
      isSubpotent: immunization.isSubpotent,
      reaction: immunization.reaction?.map((reaction) => compact({ date: reaction.date, reported: reaction.reported })),
      protocolApplied: immunization.protocolApplied?.map((protocol) =>
        compact({
          series: protocol.series,
          doseNumber: protocol.doseNumberPositiveInt ?? Number(protocol.doseNumberString),
          seriesDoses: protocol.seriesDosesPositiveInt,
          targetDisease: textConceptsOut(protocol.targetDisease),
        }),
      ),
    });
  },
});

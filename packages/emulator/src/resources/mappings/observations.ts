/** Observation: the simplified shape ↔ FHIR R4 Observation (single values, and panels of components). */
import { type OBSERVATION_INTERPRETATIONS, observationCreateSchema, observationUpdateSchema, type Observation } from '@clinikapi/core';
import {
  coded,
  codedOut,
  compact,
  compactOrNone,
  concept,
  conceptOut,
  notes,
  notesOut,
  ref,
  refOut,
  textConcept,
  textConceptOut,
} from '../fhir-values.ts';
import { defineMapping } from '../mapping.ts';

const CATEGORY_SYSTEM = 'http://terminology.hl7.org/CodeSystem/observation-category';
const INTERPRETATION_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation';
const INTERPRETATION_DISPLAYS: Readonly<Record<(typeof OBSERVATION_INTERPRETATIONS)[number], string>> = {
  H: 'High',
  L: 'Low',
  N: 'Normal',
  A: 'Abnormal',
  HH: 'Critical high',
  LL: 'Critical low',
};

const quantityOut = (quantity: Observation['valueQuantity']) =>
  quantity && compact({ value: quantity.value as number, unit: quantity.unit, system: quantity.system, code: quantity.code });

export const observationMapping = defineMapping({
  createSchema: observationCreateSchema,
  updateSchema: observationUpdateSchema,
  toFhir: (input) =>
    compact({
      resourceType: 'Observation' as const,
      status: input.status,
      category: input.category ? [coded(CATEGORY_SYSTEM, input.category) as NonNullable<ReturnType<typeof coded>>] : undefined,
      code: concept(input.code) ?? { text: '' },
      subject: ref('Patient', input.patientId),
      encounter: ref('Encounter', input.encounterId),
      effectiveDateTime: input.effectiveDateTime,
      issued: input.issued,
      performer: input.performerId ? [{ reference: `Practitioner/${input.performerId}` }] : undefined,
      valueQuantity: input.valueQuantity && compact({ ...input.valueQuantity }),
      valueString: input.valueString,
      valueCodeableConcept: input.valueCodeableConcept && concept(input.valueCodeableConcept),
      interpretation: input.interpretation
        ? [coded(INTERPRETATION_SYSTEM, input.interpretation, INTERPRETATION_DISPLAYS) as NonNullable<ReturnType<typeof coded>>]
        : undefined,
      note: notes(input.note),
      bodySite: textConcept(input.bodySite),
      method: textConcept(input.method),
      specimen: ref('Specimen', input.specimenId),
      device: ref('Device', input.deviceId),
      referenceRange: input.referenceRange
        ? [
            compact({
              low: input.referenceRange.low && compact({ ...input.referenceRange.low }),
              high: input.referenceRange.high && compact({ ...input.referenceRange.high }),
              text: input.referenceRange.text,
            }),
          ]
        : undefined,
      component: input.component?.map((component) =>
        compact({
          code: concept(component.code) ?? { text: '' },
          valueQuantity: component.valueQuantity && compact({ ...component.valueQuantity }),
          valueString: component.valueString,
        }),
      ),
    }),
  fromFhir: (resource) => {
    const observation = resource as Observation;
    const range = observation.referenceRange?.[0];
    return compact({
      status: observation.status,
      code: conceptOut(observation.code) ?? '',
      patientId: refOut(observation.subject, 'Patient') ?? '',
      encounterId: refOut(observation.encounter, 'Encounter'),
      performerId: refOut(observation.performer?.[0], 'Practitioner'),
      effectiveDateTime: observation.effectiveDateTime,
      issued: observation.issued,
      valueQuantity: quantityOut(observation.valueQuantity),
      valueString: observation.valueString,
      valueCodeableConcept: observation.valueCodeableConcept && conceptOut(observation.valueCodeableConcept),
      component: observation.component?.map((component) =>
        compact({
          code: conceptOut(component.code) ?? '',
          valueQuantity: quantityOut(component.valueQuantity),
          valueString: component.valueString,
        }),
      ),
      category: codedOut(observation.category?.[0]),
      interpretation: codedOut(observation.interpretation?.[0]),
      referenceRange: range
        ? compactOrNone({
            low: range.low && compact({ value: range.low.value as number, unit: range.low.unit }),
            high: range.high && compact({ value: range.high.value as number, unit: range.high.unit }),
            text: range.text,
          })
        : undefined,
      bodySite: textConceptOut(observation.bodySite),
      method: textConceptOut(observation.method),
      specimenId: refOut(observation.specimen, 'Specimen'),
      deviceId: refOut(observation.device, 'Device'),
      note: notesOut(observation.note),
    });
  },
});

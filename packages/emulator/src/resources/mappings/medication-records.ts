/**
 * Medication dispenses, drug knowledge, medication statements, vision prescriptions and immunization evaluations and
 * recommendations: the simplified shapes ↔ FHIR R4.
 */
import { OTHER_RESOURCE_SCHEMAS as SCHEMAS } from '@clinikapi/core';
import {
  conceptOf,
  displayOf,
  noteOf,
  now,
  refTo,
  refsTo,
  rule,
  ruleMapping,
  same,
  textList,
  textOf,
  typedRefTo,
  typedRefsTo,
  withDefault,
  type ElementRule,
  type Fields,
} from '../field-rules.ts';
import {
  concept,
  conceptOut,
  notes,
  notesOut,
  refOut,
  textConcept,
  textConceptOut,
  textConcepts,
  textConceptsOut,
  type ConceptInput,
} from '../fhir-values.ts';

type Concept = { text?: string };
type Ref = { reference?: string };

/** Free-text dosage instructions → `[{ text }]`. */
const dosageText = (element: string): ElementRule =>
  rule(
    element,
    (input) => (input.dosageText === undefined ? undefined : [{ text: input.dosageText }]),
    (value) => ({ dosageText: (value as { text?: string }[])[0]?.text }),
  );

/** A dose number or series size → FHIR's `…PositiveInt`. */
const positiveInt = (field: string): ElementRule => same(field, `${field}PositiveInt`);

export const medicationDispenseMapping = ruleMapping({
  resourceType: 'MedicationDispense',
  createSchema: SCHEMAS['medication-dispenses'].create,
  updateSchema: SCHEMAS['medication-dispenses'].update,
  rules: [
    same('status'),
    textOf('statusReasonCodeableConcept'),
    textOf('category'),
    conceptOf('medication', 'medicationCodeableConcept'),
    refTo('Patient', 'patientId', 'subject'),
    // R4 names a dispense's encounter `context`.
    refTo('Encounter', 'encounterId', 'context'),
    rule(
      'performer',
      (input) =>
        (input.performer as Fields[] | undefined)?.map((performer) => ({
          function: textConcept(performer.function as string | undefined),
          actor: { reference: `Practitioner/${performer.actorId as string}` },
        })),
      (value) => ({
        performer: (value as { function?: Concept; actor: Ref }[]).map((performer) => ({
          function: textConceptOut(performer.function),
          actorId: refOut(performer.actor, 'Practitioner'),
        })),
      }),
    ),
    refTo('Location', 'locationId', 'location'),
    refsTo('MedicationRequest', 'authorizingPrescriptionIds', 'authorizingPrescription'),
    textOf('type'),
    same('quantity'),
    rule(
      'daysSupply',
      (input) =>
        input.daysSupply === undefined
          ? undefined
          : { value: input.daysSupply, unit: 'days', system: 'http://unitsofmeasure.org', code: 'd' },
      (value) => ({ daysSupply: (value as { value?: number }).value }),
    ),
    same('whenPrepared'),
    same('whenHandedOver'),
    dosageText('dosageInstruction'),
    rule(
      'substitution',
      (input) => {
        const substitution = input.substitution as Fields | undefined;
        return (
          substitution && {
            wasSubstituted: substitution.wasSubstituted,
            type: textConcept(substitution.type as string | undefined),
            reason: textConcepts(substitution.reason === undefined ? undefined : [substitution.reason as string]),
          }
        );
      },
      (value) => {
        const substitution = value as { wasSubstituted: boolean; type?: Concept; reason?: Concept[] };
        return {
          substitution: {
            wasSubstituted: substitution.wasSubstituted,
            type: textConceptOut(substitution.type),
            reason: textConceptsOut(substitution.reason)?.[0],
          },
        };
      },
    ),
    noteOf(),
  ],
});

export const medicationKnowledgeMapping = ruleMapping({
  resourceType: 'MedicationKnowledge',
  createSchema: SCHEMAS['medication-knowledge'].create,
  updateSchema: SCHEMAS['medication-knowledge'].update,
  rules: [
    conceptOf('code'),
    same('status'),
    displayOf('manufacturer'),
    textOf('doseForm'),
    same('amount'),
    same('synonym'),
    textList('productType'),
    rule(
      'ingredient',
      (input) =>
        (input.ingredient as Fields[] | undefined)?.map(({ item, ...rest }) => ({
          itemCodeableConcept: concept(item as ConceptInput),
          ...rest,
        })),
      (value) => ({
        ingredient: (value as (Fields & { itemCodeableConcept?: Concept })[]).map(({ itemCodeableConcept, ...rest }) => ({
          item: conceptOut(itemCodeableConcept),
          ...rest,
        })),
      }),
    ),
    same('preparationInstruction'),
    textList('intendedRoute'),
    rule(
      'cost',
      (input) => (input.cost as Fields[] | undefined)?.map(({ type, ...rest }) => ({ type: textConcept(type as string), ...rest })),
      (value) => ({
        cost: (value as (Fields & { type: Concept })[]).map(({ type, ...rest }) => ({ type: textConceptOut(type), ...rest })),
      }),
    ),
    rule(
      'packaging',
      (input) => {
        const packaging = input.packaging as Fields | undefined;
        return packaging && { type: textConcept(packaging.type as string | undefined), quantity: packaging.quantity };
      },
      (value) => {
        const packaging = value as { type?: Concept; quantity?: Fields };
        return { packaging: { type: textConceptOut(packaging.type), quantity: packaging.quantity } };
      },
    ),
  ],
});

export const medicationStatementMapping = ruleMapping({
  resourceType: 'MedicationStatement',
  createSchema: SCHEMAS['medication-statements'].create,
  updateSchema: SCHEMAS['medication-statements'].update,
  rules: [
    typedRefsTo('MedicationRequest', 'basedOn', 'basedOn'),
    typedRefsTo('MedicationAdministration', 'partOf', 'partOf'),
    same('status'),
    textList('statusReason'),
    textOf('category'),
    conceptOf('medication', 'medicationCodeableConcept'),
    refTo('Patient', 'patientId', 'subject'),
    refTo('Encounter', 'encounterId', 'context'),
    same('effectiveDateTime'),
    same('effectivePeriod'),
    withDefault('dateAsserted', now),
    typedRefTo('Patient', 'informationSourceId', 'informationSource'),
    textList('reasonCode'),
    noteOf(),
    dosageText('dosage'),
  ],
});

export const visionPrescriptionMapping = ruleMapping({
  resourceType: 'VisionPrescription',
  createSchema: SCHEMAS['vision-prescriptions'].create,
  updateSchema: SCHEMAS['vision-prescriptions'].update,
  rules: [
    same('status'),
    withDefault('created', now),
    refTo('Patient', 'patientId', 'patient'),
    refTo('Encounter', 'encounterId', 'encounter'),
    same('dateWritten'),
    refTo('Practitioner', 'prescriberId', 'prescriber'),
    rule(
      'lensSpecification',
      (input) =>
        (input.lensSpecification as Fields[]).map(({ product, note, ...rest }) => ({
          product: textConcept(product as string),
          ...rest,
          note: notes(note as string | undefined),
        })),
      (value) => ({
        lensSpecification: (value as (Fields & { product: Concept; note?: { text?: string }[] })[]).map(({ product, note, ...rest }) => ({
          product: textConceptOut(product),
          ...rest,
          note: notesOut(note),
        })),
      }),
    ),
  ],
});

export const immunizationEvaluationMapping = ruleMapping({
  resourceType: 'ImmunizationEvaluation',
  createSchema: SCHEMAS['immunization-evaluations'].create,
  updateSchema: SCHEMAS['immunization-evaluations'].update,
  rules: [
    same('status'),
    refTo('Patient', 'patientId', 'patient'),
    same('date'),
    refTo('Organization', 'authorityId', 'authority'),
    textOf('targetDisease'),
    refTo('Immunization', 'immunizationEventId', 'immunizationEvent'),
    textOf('doseStatus'),
    textList('doseStatusReason'),
    same('description'),
    same('series'),
    positiveInt('doseNumber'),
    positiveInt('seriesDoses'),
  ],
});

interface StoredRecommendation {
  vaccineCode?: Concept[];
  targetDisease?: Concept;
  forecastStatus: Concept;
  forecastReason?: Concept[];
  dateCriterion?: { code: Concept; value: string }[];
  description?: string;
  series?: string;
  doseNumberPositiveInt?: number;
  seriesDosesPositiveInt?: number;
}

export const immunizationRecommendationMapping = ruleMapping({
  resourceType: 'ImmunizationRecommendation',
  createSchema: SCHEMAS['immunization-recommendations'].create,
  rules: [
    refTo('Patient', 'patientId', 'patient'),
    same('date'),
    refTo('Organization', 'authorityId', 'authority'),
    rule(
      'recommendation',
      (input) =>
        (input.recommendation as Fields[]).map((recommendation) => ({
          vaccineCode: textConcepts(recommendation.vaccineCode as string[] | undefined),
          targetDisease: textConcept(recommendation.targetDisease as string | undefined),
          forecastStatus: textConcept(recommendation.forecastStatus as string),
          forecastReason: textConcepts(recommendation.forecastReason as string[] | undefined),
          dateCriterion: (recommendation.dateCriterion as { code: string; value: string }[] | undefined)?.map((criterion) => ({
            code: { text: criterion.code },
            value: criterion.value,
          })),
          description: recommendation.description,
          series: recommendation.series,
          doseNumberPositiveInt: recommendation.doseNumber,
          seriesDosesPositiveInt: recommendation.seriesDoses,
        })),
      (value) => ({
        recommendation: (value as StoredRecommendation[]).map((recommendation) => ({
          vaccineCode: textConceptsOut(recommendation.vaccineCode),
          targetDisease: textConceptOut(recommendation.targetDisease),
          forecastStatus: textConceptOut(recommendation.forecastStatus),
          forecastReason: textConceptsOut(recommendation.forecastReason),
          dateCriterion: recommendation.dateCriterion?.map((criterion) => ({
            code: textConceptOut(criterion.code),
            value: criterion.value,
          })),
          description: recommendation.description,
          series: recommendation.series,
          doseNumber: recommendation.doseNumberPositiveInt,
          seriesDoses: recommendation.seriesDosesPositiveInt,
        })),
      }),
    ),
  ],
});

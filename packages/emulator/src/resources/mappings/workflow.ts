/** Tasks, service requests, device requests and nutrition orders: the simplified shapes ↔ FHIR R4. */
import { OTHER_RESOURCE_SCHEMAS as SCHEMAS } from '@clinikapi/core';
import {
  conceptOf,
  noteOf,
  now,
  refTo,
  refsTo,
  rule,
  ruleMapping,
  same,
  textList,
  textOf,
  typedRefsTo,
  withDefault,
  type ElementRule,
  type Fields,
} from '../field-rules.ts';
import { refsOut, textConcept, textConceptOut, textConcepts, textConceptsOut } from '../fhir-values.ts';

type Concept = { text?: string };
type Ref = { reference?: string };

/** A `Type/id` field kept as the reference it is. */
const referenceAsIs = (field: string, element: string): ElementRule =>
  rule(
    element,
    (input) => (input[field] === undefined ? undefined : { reference: input[field] }),
    (value) => ({ [field]: (value as Ref).reference }),
  );

/** A task input or output: `{ type, value… }` ↔ `{ type: { text }, value[x] }`. */
const taskParameters = (field: 'input' | 'output'): ElementRule =>
  rule(
    field,
    (input) =>
      (input[field] as Fields[] | undefined)?.map(({ type, valueReference, ...values }) => ({
        type: textConcept(type as string),
        ...values,
        valueReference: valueReference === undefined ? undefined : { reference: valueReference },
      })),
    (value) => ({
      [field]: (value as (Fields & { type: Concept; valueReference?: Ref })[]).map(({ type, valueReference, ...values }) => ({
        type: textConceptOut(type),
        ...values,
        valueReference: valueReference?.reference,
      })),
    }),
  );

export const taskMapping = ruleMapping({
  resourceType: 'Task',
  createSchema: SCHEMAS.tasks.create,
  updateSchema: SCHEMAS.tasks.update,
  rules: [
    typedRefsTo('ServiceRequest', 'basedOn', 'basedOn'),
    refsTo('Task', 'partOf', 'partOf'),
    same('status'),
    textOf('statusReason'),
    textOf('businessStatus'),
    same('intent'),
    same('priority'),
    textOf('code'),
    same('description'),
    referenceAsIs('focusId', 'focus'),
    refTo('Patient', 'patientId', 'for'),
    refTo('Encounter', 'encounterId', 'encounter'),
    same('executionPeriod'),
    withDefault('authoredOn', now),
    refTo('Practitioner', 'requesterId', 'requester'),
    refTo('Practitioner', 'ownerId', 'owner'),
    textOf('reasonCode'),
    noteOf(),
    rule(
      'restriction',
      (input) => {
        const restriction = input.restriction as Fields | undefined;
        return (
          restriction && {
            repetitions: restriction.repetitions,
            period: restriction.period,
            recipient: (restriction.recipientIds as string[] | undefined)?.map((id) => ({ reference: `Practitioner/${id}` })),
          }
        );
      },
      (value) => {
        const restriction = value as Fields & { recipient?: Ref[] };
        return {
          restriction: {
            repetitions: restriction.repetitions,
            period: restriction.period,
            recipientIds: refsOut(restriction.recipient, 'Practitioner'),
          },
        };
      },
    ),
    taskParameters('input'),
    taskParameters('output'),
  ],
});

export const serviceRequestMapping = ruleMapping({
  resourceType: 'ServiceRequest',
  createSchema: SCHEMAS['service-requests'].create,
  updateSchema: SCHEMAS['service-requests'].update,
  rules: [
    typedRefsTo('ServiceRequest', 'basedOn', 'basedOn'),
    refsTo('ServiceRequest', 'replaces', 'replaces'),
    same('status'),
    same('intent'),
    textList('category'),
    same('priority'),
    same('doNotPerform'),
    conceptOf('code'),
    refTo('Patient', 'patientId', 'subject'),
    refTo('Encounter', 'encounterId', 'encounter'),
    same('occurrenceDateTime'),
    same('occurrencePeriod'),
    same('asNeeded', 'asNeededBoolean'),
    withDefault('authoredOn', now),
    refTo('Practitioner', 'requesterId', 'requester'),
    textOf('performerType'),
    refsTo('Practitioner', 'performerIds', 'performer'),
    textList('reasonCode'),
    textList('bodySite'),
    noteOf(),
    same('patientInstruction'),
  ],
});

export const deviceRequestMapping = ruleMapping({
  resourceType: 'DeviceRequest',
  createSchema: SCHEMAS['device-requests'].create,
  updateSchema: SCHEMAS['device-requests'].update,
  rules: [
    typedRefsTo('ServiceRequest', 'basedOn', 'basedOn'),
    same('status'),
    same('intent'),
    same('priority'),
    conceptOf('code', 'codeCodeableConcept'),
    refTo('Patient', 'patientId', 'subject'),
    refTo('Encounter', 'encounterId', 'encounter'),
    same('occurrenceDateTime'),
    same('occurrencePeriod'),
    withDefault('authoredOn', now),
    refTo('Practitioner', 'requesterId', 'requester'),
    textOf('performerType'),
    refTo('Practitioner', 'performerId', 'performer'),
    textList('reasonCode'),
    noteOf(),
  ],
});

interface OralDiet {
  type?: Concept[];
  instruction?: string;
  nutrient?: { modifier?: Concept; amount?: Fields }[];
}
interface EnteralFormula {
  baseFormulaType?: Concept;
  baseFormulaProductName?: string;
  additiveType?: Concept;
  routeofAdministration?: Concept;
  administrationInstruction?: string;
}

export const nutritionOrderMapping = ruleMapping({
  resourceType: 'NutritionOrder',
  createSchema: SCHEMAS['nutrition-orders'].create,
  updateSchema: SCHEMAS['nutrition-orders'].update,
  rules: [
    same('status'),
    same('intent'),
    refTo('Patient', 'patientId', 'patient'),
    refTo('Encounter', 'encounterId', 'encounter'),
    withDefault('dateTime', now),
    refTo('Practitioner', 'ordererId', 'orderer'),
    refsTo('AllergyIntolerance', 'allergyIntoleranceIds', 'allergyIntolerance'),
    textList('foodPreferenceModifier'),
    textList('excludeFoodModifier'),
    rule(
      'oralDiet',
      (input) => {
        const diet = input.oralDiet as Fields | undefined;
        return (
          diet && {
            type: textConcepts(diet.type as string[] | undefined),
            nutrient: (diet.nutrient as Fields[] | undefined)?.map((nutrient) => ({
              modifier: textConcept(nutrient.modifier as string | undefined),
              amount: nutrient.amount,
            })),
            instruction: diet.instruction,
          }
        );
      },
      (value) => {
        const diet = value as OralDiet;
        return {
          oralDiet: {
            type: textConceptsOut(diet.type),
            instruction: diet.instruction,
            nutrient: diet.nutrient?.map((nutrient) => ({ modifier: textConceptOut(nutrient.modifier), amount: nutrient.amount })),
          },
        };
      },
    ),
    rule(
      'supplement',
      (input) =>
        (input.supplement as Fields[] | undefined)?.map(({ type, ...rest }) => ({
          type: textConcept(type as string | undefined),
          ...rest,
        })),
      (value) => ({
        supplement: (value as (Fields & { type?: Concept })[]).map(({ type, ...rest }) => ({ type: textConceptOut(type), ...rest })),
      }),
    ),
    rule(
      'enteralFormula',
      (input) => {
        const formula = input.enteralFormula as Fields | undefined;
        return (
          formula && {
            baseFormulaType: textConcept(formula.baseFormulaType as string | undefined),
            baseFormulaProductName: formula.baseFormulaProductName,
            additiveType: textConcept(formula.additiveType as string | undefined),
            // FHIR R4 spells this element with a lower-case "of".
            routeofAdministration: textConcept(formula.routeOfAdministration as string | undefined),
            administrationInstruction: formula.administrationInstruction,
          }
        );
      },
      (value) => {
        const formula = value as EnteralFormula;
        return {
          enteralFormula: {
            baseFormulaType: textConceptOut(formula.baseFormulaType),
            baseFormulaProductName: formula.baseFormulaProductName,
            additiveType: textConceptOut(formula.additiveType),
            routeOfAdministration: textConceptOut(formula.routeofAdministration),
            administrationInstruction: formula.administrationInstruction,
          },
        };
      },
    ),
    noteOf(),
  ],
});

/** Intake: the simplified shape ↔ FHIR R4 QuestionnaireResponse (items nest; answers keep their value type). */
import { intakeCreateSchema, intakeUpdateSchema, type IntakeItem, type QuestionnaireResponse } from '@clinikapi/core';
import { compact, ref, refOut, typedRef, typedRefOut, typedRefs, typedRefsOut } from '../fhir-values.ts';
import { defineMapping } from '../mapping.ts';

type FhirItem = NonNullable<QuestionnaireResponse['item']>[number];
type FhirAnswer = NonNullable<FhirItem['answer']>[number];
type SimpleAnswer = NonNullable<IntakeItem['answer']>[number];

function answerToFhir(answer: SimpleAnswer): FhirAnswer {
  const { valueCoding, valueQuantity, ...primitives } = answer;
  return compact({
    ...primitives,
    valueCoding: valueCoding && compact({ ...valueCoding }),
    valueQuantity: valueQuantity && compact({ ...valueQuantity }),
  });
}

function itemToFhir(item: IntakeItem): FhirItem {
  return compact({
    linkId: item.linkId,
    definition: item.definition,
    text: item.text,
    answer: item.answer?.map(answerToFhir),
    item: item.items?.map(itemToFhir),
  });
}

function itemFromFhir(item: FhirItem): IntakeItem {
  return compact({
    linkId: item.linkId,
    definition: item.definition,
    text: item.text,
    answer: item.answer?.map((answer) => compact({ ...answer, item: undefined }) as SimpleAnswer),
    items: item.item?.map(itemFromFhir),
  });
}

/** A questionnaire given by id is stored as a relative canonical; a URL is kept as it is. */
const questionnaireOf = (value: string | undefined): string | undefined =>
  value === undefined || /^[a-z][a-z0-9+.-]*:/i.test(value) || value.includes('/') ? value : `Questionnaire/${value}`;

export const intakeMapping = defineMapping({
  createSchema: intakeCreateSchema,
  updateSchema: intakeUpdateSchema,
  toFhir: (input, context) =>
    compact({
      resourceType: 'QuestionnaireResponse' as const,
      questionnaire: questionnaireOf(input.questionnaire),
      status: input.status ?? 'completed',
      subject: ref('Patient', input.patientId),
      encounter: ref('Encounter', input.encounterId),
      authored: input.authored ?? context.now,
      author: typedRef(input.authorId, 'Practitioner'),
      source: typedRef(input.sourceId, 'Patient'),
      basedOn: typedRefs(input.basedOn, 'ServiceRequest'),
      partOf: typedRefs(input.partOf, 'Observation'),
      item: input.items.map(itemToFhir),
    }),
  fromFhir: (resource) => {
    const response = resource as QuestionnaireResponse;
    return compact({
      patientId: refOut(response.subject, 'Patient') ?? '',
      encounterId: refOut(response.encounter, 'Encounter'),
      authorId: typedRefOut(response.author, 'Practitioner'),
      sourceId: typedRefOut(response.source, 'Patient'),
      questionnaire: response.questionnaire,
      status: response.status,
      authored: response.authored,
      basedOn: typedRefsOut(response.basedOn, 'ServiceRequest'),
      partOf: typedRefsOut(response.partOf, 'Observation'),
      items: response.item?.map(itemFromFhir) ?? [],
    });
  },
});

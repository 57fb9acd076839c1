/** Care plan: the simplified shape ↔ FHIR R4 CarePlan. */
import { carePlanCreateSchema, carePlanUpdateSchema, type CarePlan } from '@clinikapi/core';
import {
  compact,
  notes,
  notesOut,
  ref,
  refOut,
  refs,
  refsOut,
  textConcept,
  textConceptOut,
  typedRefs,
  typedRefsOut,
} from '../fhir-values.ts';
import { defineMapping } from '../mapping.ts';

/**
 * FHIR cpl-3 allows an activity a `reference` or a `detail`, not both; the simplified activity always has detail
 * (description, status), so the request that carries it out is kept in an extension of the detail.
 */
export const ACTIVITY_REFERENCE_EXTENSION = 'https://clinikapi.com/fhir/StructureDefinition/activity-reference';

type Detail = NonNullable<NonNullable<CarePlan['activity']>[number]['detail']>;

export const carePlanMapping = defineMapping({
  createSchema: carePlanCreateSchema,
  updateSchema: carePlanUpdateSchema,
  toFhir: (input, context) =>
    compact({
      resourceType: 'CarePlan' as const,
      basedOn: typedRefs(input.basedOn, 'CarePlan'),
      replaces: typedRefs(input.replaces, 'CarePlan'),
      partOf: typedRefs(input.partOf, 'CarePlan'),
      status: input.status,
      intent: input.intent,
      category: input.category?.map((text) => ({ text })),
      title: input.title,
      description: input.description,
      subject: ref('Patient', input.patientId) ?? { reference: '' },
      encounter: ref('Encounter', input.encounterId),
      period: input.period && compact({ ...input.period }),
      created: input.created ?? context.now,
      author: ref('Practitioner', input.authorId),
      contributor: refs('Practitioner', input.contributorIds),
      careTeam: refs('CareTeam', input.careTeamIds),
      addresses: refs('Condition', input.addressesIds),
      goal: refs('Goal', input.goalIds),
      activity: input.activity?.map((activity) => ({
        detail: compact({
          extension: activity.referenceId
            ? [{ url: ACTIVITY_REFERENCE_EXTENSION, valueReference: { reference: activity.referenceId } }]
            : undefined,
          code: textConcept(activity.code),
          status: activity.status,
          scheduledString: activity.scheduledString,
          performer: activity.performerId ? [{ reference: `Practitioner/${activity.performerId}` }] : undefined,
          description: activity.description,
        }) as Detail,
      })),
      note: notes(input.note),
    }),
  fromFhir: (resource) => {
    const plan = resource as CarePlan;
    return compact({
      status: plan.status,
      intent: plan.intent,
      patientId: refOut(plan.subject, 'Patient') ?? '',
      encounterId: refOut(plan.encounter, 'Encounter'),
      title: plan.title,
      description: plan.description,
      category: plan.category?.map((category) => textConceptOut(category) ?? ''),
      period: plan.period,
      created: plan.created,
      authorId: refOut(plan.author, 'Practitioner'),
      contributorIds: refsOut(plan.contributor, 'Practitioner'),
      careTeamIds: refsOut(plan.careTeam, 'CareTeam'),
      addressesIds: refsOut(plan.addresses, 'Condition'),
      goalIds: refsOut(plan.goal, 'Goal'),
      note: notesOut(plan.note),
      activity: plan.activity?.map((activity) =>
        compact({
          description: activity.detail?.description ?? '',
          status: activity.detail?.status ?? 'unknown',
          code: textConceptOut(activity.detail?.code),
          scheduledString: activity.detail?.scheduledString,
          performerId: refOut(activity.detail?.performer?.[0], 'Practitioner'),
          referenceId: activity.detail?.extension?.find((extension) => extension.url === ACTIVITY_REFERENCE_EXTENSION)?.valueReference
            ?.reference,
        }),
      ),
      basedOn: typedRefsOut(plan.basedOn, 'CarePlan'),
      replaces: typedRefsOut(plan.replaces, 'CarePlan'),
      partOf: typedRefsOut(plan.partOf, 'CarePlan'),
    });
  },
});

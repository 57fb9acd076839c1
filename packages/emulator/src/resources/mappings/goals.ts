/** Goal: the simplified shape ↔ FHIR R4 Goal. */
import { goalCreateSchema, goalUpdateSchema, type Goal } from '@clinikapi/core';
import {
  coded,
  codedOut,
  compact,
  maybeCoded,
  maybeCodedOut,
  notes,
  notesOut,
  ref,
  refOut,
  textConcept,
  textConceptOut,
  textConcepts,
  textConceptsOut,
  typedRef,
  typedRefOut,
  typedRefs,
  typedRefsOut,
} from '../fhir-values.ts';
import { defineMapping } from '../mapping.ts';

const ACHIEVEMENT_SYSTEM = 'http://terminology.hl7.org/CodeSystem/goal-achievement';
const PRIORITY_SYSTEM = 'http://terminology.hl7.org/CodeSystem/goal-priority';
const CATEGORY_SYSTEM = 'http://terminology.hl7.org/CodeSystem/goal-category';
const CATEGORIES = ['dietary', 'safety', 'behavioral', 'nursing', 'physiotherapy'];

export const goalMapping = defineMapping({
  createSchema: goalCreateSchema,
  updateSchema: goalUpdateSchema,
  toFhir: (input) =>
    compact({
      resourceType: 'Goal' as const,
      lifecycleStatus: input.lifecycleStatus,
      achievementStatus: coded(ACHIEVEMENT_SYSTEM, input.achievementStatus),
      category: input.category?.map(
        (category) => maybeCoded(CATEGORY_SYSTEM, CATEGORIES, category) as NonNullable<ReturnType<typeof maybeCoded>>,
      ),
      priority: coded(PRIORITY_SYSTEM, input.priority),
      description: { text: input.description },
      subject: ref('Patient', input.patientId) ?? { reference: '' },
      startDate: input.startDate,
      target: input.target?.map((target) =>
        compact({
          measure: textConcept(target.measure),
          detailString: target.detailString,
          detailQuantity: target.detailQuantity && compact({ ...target.detailQuantity }),
          dueDate: target.dueDate,
        }),
      ),
      statusDate: input.statusDate,
      statusReason: input.statusReason,
      expressedBy: typedRef(input.expressedById, 'Practitioner'),
      addresses: typedRefs(input.addressesIds, 'Condition'),
      note: notes(input.note),
      outcomeCode: textConcepts(input.outcomeCode),
    }),
  fromFhir: (resource) => {
    const goal = resource as Goal;
    return compact({
      lifecycleStatus: goal.lifecycleStatus,
      description: textConceptOut(goal.description) ?? '',
      patientId: refOut(goal.subject, 'Patient') ?? '',
      achievementStatus: codedOut(goal.achievementStatus),
      category: goal.category?.map((category) => maybeCodedOut(category) ?? ''),
      priority: codedOut(goal.priority),
      startDate: goal.startDate,
      target: goal.target?.map((target) =>
        compact({
          measure: textConceptOut(target.measure),
          detailString: target.detailString,
          detailQuantity:
            target.detailQuantity && compact({ value: target.detailQuantity.value as number, unit: target.detailQuantity.unit }),
          dueDate: target.dueDate,
        }),
      ),
      statusDate: goal.statusDate,
      statusReason: goal.statusReason,
      expressedById: typedRefOut(goal.expressedBy, 'Practitioner'),
      addressesIds: typedRefsOut(goal.addresses, 'Condition'),
      note: notesOut(goal.note),
      outcomeCode: textConceptsOut(goal.outcomeCode),
    });
  },
});

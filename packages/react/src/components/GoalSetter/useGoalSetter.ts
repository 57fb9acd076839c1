'use client';
/**
 * The headless GoalSetter: the patient's goals with their lifecycle and achievement (open goals first, by priority
 * and due date), and a form that sets a new one as a FHIR Goal (`goals.create`). `GoalSetter` is one skin over it.
 */
import { type GOAL_ACHIEVEMENT_STATUSES, type GOAL_LIFECYCLE_STATUSES, goalCreateSchema, type Goal } from '@clinikapi/core';
import type { Path } from 'react-hook-form';
import { useRecordsAccess } from '../../access/useAccess.ts';
import { useCreateGoal, useGoals } from '../../hooks/resources/goals.ts';
import { useWidgetMessages } from '../../i18n/widget-messages.ts';
import { conceptCode } from '../../headless/fhir-display.ts';
import { localToday } from '../../headless/form/dates.ts';
import { dropBlanks } from '../../headless/form/drop-blanks.ts';
import { useClinicalForm, type ClinicalForm, type FieldIssue } from '../../headless/form/useClinicalForm.ts';
import { goalSetterMessages } from './messages.ts';
import { recordsStateOf, type RecordsState } from '../../headless/records-state.ts';
import type { WidgetHookOptions } from '../../headless/widget-hook-options.ts';

export type GoalLifecycleStatus = (typeof GOAL_LIFECYCLE_STATUSES)[number];
export type GoalAchievementStatus = (typeof GOAL_ACHIEVEMENT_STATUSES)[number];

/** What the form holds while it is being filled in. The one target's parts are flat fields here. */
export interface GoalFormValues {
  description: string;
  lifecycleStatus: 'proposed' | 'accepted' | 'active' | 'completed' | 'cancelled';
  achievementStatus: '' | 'in-progress' | 'improving' | 'worsening' | 'no-change' | 'achieved' | 'not-achieved';
  priority: '' | 'high-priority' | 'medium-priority' | 'low-priority';
  /** `YYYY-MM-DD` dates. */
  startDate: string;
  dueDate: string;
  targetMeasure: string;
  targetDetail: string;
  note: string;
}

export const EMPTY_GOAL_FORM: GoalFormValues = {
  description: '',
  lifecycleStatus: 'active',
  achievementStatus: '',
  priority: '',
  startDate: '',
  dueDate: '',
  targetMeasure: '',
  targetDetail: '',
  note: '',
};

export interface UseGoalSetterOptions extends WidgetHookOptions<Goal> {
  /** Who expressed the goal: a practitioner id, or `Patient/…`, `RelatedPerson/…`, `PractitionerRole/…`. */
  readonly expressedById?: string | undefined;
}

export interface GoalSetterState extends ClinicalForm<GoalFormValues, Goal>, RecordsState {
  /** Open goals first (by priority, then the nearest due date), then closed ones, most recent first. */
  readonly records: readonly Goal[];
}

const OPEN: readonly string[] = ['proposed', 'planned', 'accepted', 'active', 'on-hold'];
const PRIORITIES = ['high-priority', 'medium-priority', 'low-priority'];

/** A goal still being worked on (or about to be). */
export const isOpenGoal = (goal: Goal): boolean => OPEN.includes(goal.lifecycleStatus);

/** The earliest due date of a goal's targets. */
export const dueDateOf = (goal: Goal): string | undefined =>
  goal.target
    ?.map((target) => target.dueDate)
    .filter((date): date is string => Boolean(date))
    .sort()[0];

/** An open goal whose due date has passed (in the viewer's time zone). */
export function isOverdue(goal: Goal, today: string = localToday()): boolean {
  const due = dueDateOf(goal);
  return isOpenGoal(goal) && due !== undefined && due < today;
}

function byRelevance(a: Goal, b: Goal): number {
  const open = Number(isOpenGoal(b)) - Number(isOpenGoal(a));
  if (open !== 0) return open;
  if (isOpenGoal(a)) {
    const rank = (goal: Goal) => {
      const index = PRIORITIES.indexOf(conceptCode(goal.priority) ?? '');
      return index === -1 ? PRIORITIES.length : index;
    };
    // Goals without a due date sort after those with one.
    return rank(a) - rank(b) || (dueDateOf(a) ?? '9999').localeCompare(dueDateOf(b) ?? '9999');
  }
  const when = (goal: Goal) => goal.statusDate ?? goal.meta?.lastUpdated ?? '';
  return when(b).localeCompare(when(a));
}

/** Where an issue about the sent goal belongs on this form: the target's parts are flat fields here. */
function fieldOf(path: string): Path<GoalFormValues> | undefined {
  const [head, , leaf] = path.split('.');
  if (head === 'target') {
    if (leaf === 'dueDate') return 'dueDate';
    if (leaf === 'measure') return 'targetMeasure';
    if (leaf === 'detailString' || leaf === 'detailQuantity') return 'targetDetail';
    return undefined;
  }
  return head !== undefined && head in EMPTY_GOAL_FORM ? (head as keyof GoalFormValues) : undefined;
}

export function useGoalSetter(options: UseGoalSetterOptions): GoalSetterState {
  const { patientId, expressedById } = options;
  const messages = useWidgetMessages('goalSetter', goalSetterMessages);
  const reads = useRecordsAccess('goals');
  const records = useGoals({ patientId, count: 100 }, { enabled: reads.enabled });
  const create = useCreateGoal();

  const form = useClinicalForm({
    writes: { path: 'goals' },
    // The API's rules (no target before the start) land on the flat fields through fieldOf.
    schema: goalCreateSchema,
    defaultValues: EMPTY_GOAL_FORM,
    validate: (values) => {
      const issues: FieldIssue<GoalFormValues>[] = [];
      if (values.description.trim() === '') issues.push({ field: 'description', message: messages.descriptionRequired });
      // The API checks this too, but only once the rest of the goal is valid; said here, it shows with the others.
      if (values.startDate && values.dueDate && values.dueDate < values.startDate) {
        issues.push({ field: 'dueDate', message: messages.dueBeforeStart });
      }
      // FHIR gol-1: a target's detail only means something against a measure (the API leaves that to forms).
      if (values.targetDetail.trim() !== '' && values.targetMeasure.trim() === '') {
        issues.push({ field: 'targetMeasure', message: messages.targetMeasureRequired });
      }
      return issues;
    },
    toInput: (values: GoalFormValues) =>
      dropBlanks({
        patientId,
        expressedById,
        description: values.description,
        lifecycleStatus: values.lifecycleStatus,
        achievementStatus: values.achievementStatus,
        priority: values.priority,
        startDate: values.startDate,
        target: [{ measure: values.targetMeasure, detailString: values.targetDetail, dueDate: values.dueDate }],
        note: values.note,
      }),
    submit: create.mutateAsync,
    fieldOf,
    onSuccess: options.onSuccess,
    onError: options.onError,
  });

  const list = [...(records.data?.data ?? [])].filter((goal) => goal.lifecycleStatus !== 'entered-in-error').sort(byRelevance);

  return {
    ...form,
    records: list,
    ...recordsStateOf(records, list.length, reads.readable),
  };
}

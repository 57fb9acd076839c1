'use client';
/**
 * The headless CarePlanBuilder: the patient's care plans (active first), and a form that builds a new one — title,
 * status, intent, categories, period and a list of activities — as a FHIR CarePlan (`care-plans.create`).
 * `CarePlanBuilder` is one skin over it.
 */
import { type CARE_PLAN_ACTIVITY_STATUSES, carePlanCreateSchema, type CarePlan } from '@clinikapi/core';
import type { Path } from 'react-hook-form';
import { useRecordsAccess } from '../../access/useAccess.ts';
import { useCarePlans, useCreateCarePlan } from '../../hooks/resources/care-plans.ts';
import { useWidgetMessages } from '../../i18n/widget-messages.ts';
import { dropBlanks } from '../../headless/form/drop-blanks.ts';
import { useClinicalForm, type ClinicalForm, type FieldIssue } from '../../headless/form/useClinicalForm.ts';
import { carePlanBuilderMessages } from './messages.ts';
import { recordsStateOf, type RecordsState } from '../../headless/records-state.ts';
import type { WidgetHookOptions } from '../../headless/widget-hook-options.ts';

export type CarePlanActivityStatus = (typeof CARE_PLAN_ACTIVITY_STATUSES)[number];

export interface CarePlanActivityValues {
  description: string;
  status: CarePlanActivityStatus;
}

/** What the form holds while it is being filled in. Field names follow the API's, so its issues land by name. */
export interface CarePlanFormValues {
  title: string;
  description: string;
  status: 'draft' | 'active';
  intent: 'plan' | 'order';
  /** Comma-separated, e.g. "diabetes-management, nutrition". */
  category: string;
  /** `YYYY-MM-DD` dates; either may be empty. */
  period: { start: string; end: string };
  activity: CarePlanActivityValues[];
  note: string;
}

export const EMPTY_CARE_PLAN_FORM: CarePlanFormValues = {
  title: '',
  description: '',
  status: 'active',
  intent: 'plan',
  category: '',
  period: { start: '', end: '' },
  activity: [],
  note: '',
};

export const NEW_ACTIVITY: CarePlanActivityValues = { description: '', status: 'not-started' };

export interface UseCarePlanBuilderOptions extends WidgetHookOptions<CarePlan> {
  /** The practitioner who authors the plan, when known. */
  readonly authorId?: string | undefined;
}

export interface CarePlanBuilderState extends ClinicalForm<CarePlanFormValues, CarePlan>, RecordsState {
  /** The patient's care plans: active, then drafts, then the rest; newest first within each. */
  readonly records: readonly CarePlan[];
}

const STATUS_ORDER = ['active', 'draft', 'on-hold', 'completed', 'revoked'];

function byRelevance(a: CarePlan, b: CarePlan): number {
  const rank = (plan: CarePlan) => {
    const index = STATUS_ORDER.indexOf(plan.status);
    return index === -1 ? STATUS_ORDER.length : index;
  };
  const created = (plan: CarePlan) => plan.created ?? plan.meta?.lastUpdated ?? '';
  return rank(a) - rank(b) || created(b).localeCompare(created(a));
}

/** Where an issue about the sent plan belongs on this form. */
function fieldOf(path: string): Path<CarePlanFormValues> | undefined {
  const [head, index, leaf] = path.split('.');
  if (head === 'category') return 'category';
  // An issue about the list or a whole row has no single control: it is shown for the form rather than lost.
  if (head === 'activity') return leaf === 'description' || leaf === 'status' ? (`activity.${Number(index)}.${leaf}` as const) : undefined;
  if (head === 'period') return path === 'period.start' || path === 'period.end' ? path : undefined;
  return head !== undefined && head in EMPTY_CARE_PLAN_FORM ? (head as keyof CarePlanFormValues) : undefined;
}

const listOf = (text: string) =>
  text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);

export function useCarePlanBuilder(options: UseCarePlanBuilderOptions): CarePlanBuilderState {
  const { patientId, authorId } = options;
  const messages = useWidgetMessages('carePlanBuilder', carePlanBuilderMessages);
  const reads = useRecordsAccess('care-plans');
  const records = useCarePlans({ patientId, count: 100 }, { enabled: reads.enabled });
  const create = useCreateCarePlan();

  const form = useClinicalForm({
    writes: { path: 'care-plans' },
    schema: carePlanCreateSchema,
    defaultValues: EMPTY_CARE_PLAN_FORM,
    // The API lets a plan go untitled and a row go blank; a list of plans and a plan's steps need words to be read.
    validate: (values) => {
      const issues: FieldIssue<CarePlanFormValues>[] = [];
      if (values.title.trim() === '') issues.push({ field: 'title', message: messages.planTitleRequired });
      values.activity.forEach((activity, index) => {
        if (activity.description.trim() === '') issues.push({ field: `activity.${index}.description`, message: messages.activityRequired });
      });
      return issues;
    },
    toInput: (values: CarePlanFormValues) =>
      dropBlanks({
        patientId,
        authorId,
        title: values.title,
        description: values.description,
        status: values.status,
        intent: values.intent,
        category: listOf(values.category),
        period: values.period,
        // Rows are sent as they stand (not filtered), so an issue at activity.N still points at row N.
        activity: values.activity.map((activity) => ({ description: activity.description, status: activity.status })),
        note: values.note,
      }),
    submit: create.mutateAsync,
    fieldOf,
    onSuccess: options.onSuccess,
    onError: options.onError,
  });

  const list = [...(records.data?.data ?? [])].filter((plan) => plan.status !== 'entered-in-error').sort(byRelevance);

  return {
    ...form,
    records: list,
    ...recordsStateOf(records, list.length, reads.readable),
  };
}

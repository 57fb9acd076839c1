'use client';
import type { Goal } from '@clinikapi/core';
import { useId, type ReactNode } from 'react';
import { formatDate } from '../../i18n/format.ts';
import { formatMessage } from '../../i18n/messages.ts';
import { useWidgetMessages } from '../../i18n/widget-messages.ts';
import { useLocale } from '../../provider/context.ts';
import { Button } from '../../ui/Button/Button.tsx';
import { Field } from '../../ui/Field/Field.tsx';
import { conceptCode, conceptText } from '../../headless/fhir-display.ts';
import { Notice } from '../../ui/Notice/Notice.tsx';
import { slotClasses } from '../../ui/slots.ts';
import { RecordsSection } from '../../ui/States/RecordsSection.tsx';
import { ErrorState } from '../../ui/States/States.tsx';
import type { WidgetProps } from '../../ui/widget-props.ts';
import { WidgetProvider } from '../../ui/WidgetRoot/WidgetProvider.tsx';
import { WidgetRoot } from '../../ui/WidgetRoot/WidgetRoot.tsx';
import { goalSetterMessages, type GoalSetterMessages } from './messages.ts';
import {
  dueDateOf,
  isOverdue,
  useGoalSetter,
  type GoalAchievementStatus,
  type GoalLifecycleStatus,
  type GoalSetterState,
} from './useGoalSetter.ts';

/** The inner parts of a GoalSetter that `classNames` can style. */
export type GoalSetterSlot = 'header' | 'title' | 'records' | 'record' | 'form' | 'fields' | 'target' | 'actions';

export interface GoalSetterProps extends WidgetProps<GoalSetterSlot, Goal> {
  /**
   * Who expressed the goal: a practitioner id, or `Patient/…`, `RelatedPerson/…`, `PractitionerRole/…`; sent as the
   * goal's `expressedBy`. Default: none.
   */
  readonly expressedById?: string;
}

/**
 * Sets a patient's goals (FHIR Goal) with lifecycle, achievement, priority, start and target dates, after showing the
 * goals already on record and how they are going. Works on its own with `proxyUrl`, or inside a `ClinikProvider`.
 */
export function GoalSetter({ proxyUrl, ...props }: GoalSetterProps): ReactNode {
  return (
    <WidgetProvider proxyUrl={proxyUrl}>
      {/* A new patient is a new form: nothing typed for one patient can be sent for another. */}
      <GoalSetterView key={props.patientId} {...props} />
    </WidgetProvider>
  );
}

function GoalSetterView(props: Omit<GoalSetterProps, 'proxyUrl'>): ReactNode {
  const { patientId, expressedById, theme, className, classNames, unstyled, onSuccess, onError } = props;
  const messages = useWidgetMessages('goalSetter', goalSetterMessages);
  const state = useGoalSetter({ patientId, expressedById, onSuccess, onError });
  const titleId = useId();
  const slot = slotClasses<GoalSetterSlot>('GoalSetter', { classNames, unstyled });

  return (
    <WidgetRoot
      widget="GoalSetter"
      theme={theme}
      className={className}
      unstyled={unstyled}
      labelledBy={titleId}
      state={{ status: state.status, records: state.recordsStatus }}
    >
      <div className={slot('header')}>
        <h2 id={titleId} className={slot('title')}>
          {messages.title}
        </h2>
      </div>
      <GoalRecords state={state} messages={messages} slot={slot} />
      {state.writable && <GoalForm state={state} messages={messages} slot={slot} />}
    </WidgetRoot>
  );
}

interface PartProps {
  readonly state: GoalSetterState;
  readonly messages: GoalSetterMessages;
  readonly slot: ReturnType<typeof slotClasses<GoalSetterSlot>>;
}

type MessageKey = keyof GoalSetterMessages;
const LIFECYCLE_LABELS: Readonly<Record<GoalLifecycleStatus, MessageKey>> = {
  proposed: 'lifecycleProposed',
  planned: 'lifecyclePlanned',
  accepted: 'lifecycleAccepted',
  active: 'lifecycleActive',
  'on-hold': 'lifecycleOnHold',
  completed: 'lifecycleCompleted',
  cancelled: 'lifecycleCancelled',
  rejected: 'lifecycleRejected',
};
const ACHIEVEMENT_LABELS: Readonly<Record<GoalAchievementStatus, MessageKey>> = {
  'in-progress': 'achievementInProgress',
  improving: 'achievementImproving',
  worsening: 'achievementWorsening',
  'no-change': 'achievementNoChange',
  achieved: 'achievementAchieved',
  sustaining: 'achievementSustaining',
  'not-achieved': 'achievementNotAchieved',
  'no-progress': 'achievementNoProgress',
  'not-attainable': 'achievementNotAttainable',
};
const PRIORITY_LABELS: Readonly<Record<string, MessageKey>> = {
  'high-priority': 'priorityHigh',
  'medium-priority': 'priorityMedium',
  'low-priority': 'priorityLow',
};

/** The words for a FHIR code; a code this widget has no words for is shown as stored. */
function labelOf(code: string | undefined, labels: Readonly<Record<string, MessageKey>>, messages: GoalSetterMessages): string | undefined {
  if (code === undefined) return undefined;
  const key = labels[code];
  return key ? messages[key] : code;
}

function GoalRecords({ state, messages, slot }: PartProps): ReactNode {
  const locale = useLocale();
  return (
    <RecordsSection state={state} messages={messages}>
      <ul className={slot('records', 'ck-Widget-records')}>
        {state.records.map((goal) => {
          const achievement = conceptCode(goal.achievementStatus);
          const priority = conceptCode(goal.priority);
          const due = dueDateOf(goal);
          const overdue = isOverdue(goal);
          const target = goal.target?.find((entry) => entry.measure);
          const details = [
            labelOf(goal.lifecycleStatus, LIFECYCLE_LABELS, messages),
            labelOf(achievement, ACHIEVEMENT_LABELS, messages),
            labelOf(priority, PRIORITY_LABELS, messages),
            target?.detailString && formatMessage(messages.target, { measure: conceptText(target.measure), detail: target.detailString }),
            due && formatMessage(messages.due, { date: formatDate(due, locale) }),
          ].filter(Boolean);
          return (
            <li
              key={goal.id}
              className={slot('record', 'ck-Widget-record')}
              data-lifecycle={goal.lifecycleStatus}
              data-achievement={achievement}
              data-priority={priority}
              data-overdue={overdue ? '' : undefined}
            >
              <strong>{conceptText(goal.description)}</strong>
              <span className="ck-Widget-meta">
                {overdue && <span className="ck-GoalSetter-overdue">{messages.overdue} · </span>}
                {details.join(' · ')}
              </span>
            </li>
          );
        })}
      </ul>
    </RecordsSection>
  );
}

function GoalForm({ state, messages, slot }: PartProps): ReactNode {
  const { form, errorOf } = state;
  const headingId = useId();
  return (
    <form className={slot('form', 'ck-Widget-form')} aria-labelledby={headingId} onSubmit={state.onSubmit} noValidate>
      <h3 id={headingId}>{messages.formTitle}</h3>
      <Field label={messages.description} help={messages.descriptionHelp} required error={errorOf('description')}>
        {(control) => <input type="text" {...control} {...form.register('description')} />}
      </Field>
      <div className={slot('fields', 'ck-Widget-grid')}>
        <Field label={messages.lifecycleStatus} required error={errorOf('lifecycleStatus')}>
          {(control) => (
            <select {...control} {...form.register('lifecycleStatus')}>
              {(['proposed', 'accepted', 'active', 'completed', 'cancelled'] as const).map((value) => (
                <option key={value} value={value}>
                  {messages[LIFECYCLE_LABELS[value]]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={messages.achievementStatus} error={errorOf('achievementStatus')}>
          {(control) => (
            <select {...control} {...form.register('achievementStatus')}>
              <option value="">{messages.notSpecified}</option>
              {(['in-progress', 'improving', 'worsening', 'no-change', 'achieved', 'not-achieved'] as const).map((value) => (
                <option key={value} value={value}>
                  {messages[ACHIEVEMENT_LABELS[value]]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={messages.priority} error={errorOf('priority')}>
          {(control) => (
            <select {...control} {...form.register('priority')}>
              <option value="">{messages.notSpecified}</option>
              <option value="high-priority">{messages.priorityHigh}</option>
              <option value="medium-priority">{messages.priorityMedium}</option>
              <option value="low-priority">{messages.priorityLow}</option>
            </select>
          )}
        </Field>
        <Field label={messages.startDate} error={errorOf('startDate')}>
          {(control) => <input type="date" {...control} {...form.register('startDate')} />}
        </Field>
      </div>
      <div className={slot('target', 'ck-Widget-grid')}>
        <Field label={messages.targetMeasure} help={messages.targetMeasureHelp} error={errorOf('targetMeasure')}>
          {(control) => <input type="text" {...control} {...form.register('targetMeasure')} />}
        </Field>
        <Field label={messages.targetDetail} help={messages.targetDetailHelp} error={errorOf('targetDetail')}>
          {(control) => <input type="text" {...control} {...form.register('targetDetail')} />}
        </Field>
        <Field label={messages.dueDate} help={messages.dueDateHelp} error={errorOf('dueDate')}>
          {(control) => <input type="date" min={form.watch('startDate') || undefined} {...control} {...form.register('dueDate')} />}
        </Field>
      </div>
      <Field label={messages.note} error={errorOf('note')}>
        {(control) => <textarea rows={2} {...control} {...form.register('note')} />}
      </Field>
      {state.formErrors.length > 0 && <Notice tone="error">{state.formErrors.join(' ')}</Notice>}
      {state.error && <ErrorState title={messages.saveError} action="write" error={state.error} onRetry={() => void state.retry()} />}
      {state.status === 'success' && state.result && (
        <Notice tone="success">{formatMessage(messages.saved, { goal: conceptText(state.result.description) })}</Notice>
      )}
      <div className={slot('actions', 'ck-Widget-actions')}>
        <Button type="submit" pending={state.status === 'submitting'} pendingLabel={messages.saving}>
          {messages.save}
        </Button>
      </div>
    </form>
  );
}

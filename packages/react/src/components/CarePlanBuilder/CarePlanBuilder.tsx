'use client';
import type { CarePlan } from '@clinikapi/core';
import { useId, type ReactNode } from 'react';
import { formatDate } from '../../i18n/format.ts';
import { formatMessage } from '../../i18n/messages.ts';
import { useWidgetMessages } from '../../i18n/widget-messages.ts';
import { useLocale } from '../../provider/context.ts';
import { Button } from '../../ui/Button/Button.tsx';
import { Field } from '../../ui/Field/Field.tsx';
import { conceptText } from '../../headless/fhir-display.ts';
import { Notice } from '../../ui/Notice/Notice.tsx';
import { slotClasses } from '../../ui/slots.ts';
import { RecordsSection } from '../../ui/States/RecordsSection.tsx';
import { ErrorState } from '../../ui/States/States.tsx';
import type { WidgetProps } from '../../ui/widget-props.ts';
import { WidgetProvider } from '../../ui/WidgetRoot/WidgetProvider.tsx';
import { WidgetRoot } from '../../ui/WidgetRoot/WidgetRoot.tsx';
import { CarePlanActivities } from './CarePlanActivities.tsx';
import { carePlanBuilderMessages, type CarePlanBuilderMessages } from './messages.ts';
import { useCarePlanBuilder, type CarePlanBuilderState } from './useCarePlanBuilder.ts';

/** The inner parts of a CarePlanBuilder that `classNames` can style. */
export type CarePlanBuilderSlot = 'header' | 'title' | 'records' | 'record' | 'form' | 'fields' | 'activities' | 'actions';

export interface CarePlanBuilderProps extends WidgetProps<CarePlanBuilderSlot, CarePlan> {
  /** The practitioner who authored the plan; sent as the plan's `author`. Default: none. */
  readonly authorId?: string;
}

/**
 * Builds a patient's care plan (FHIR CarePlan) with status, intent, categories, period and activities, after showing
 * the plans already on record. Works on its own with `proxyUrl`, or inside a `ClinikProvider`.
 */
export function CarePlanBuilder({ proxyUrl, ...props }: CarePlanBuilderProps): ReactNode {
  return (
    <WidgetProvider proxyUrl={proxyUrl}>
      {/* A new patient is a new form: nothing typed for one patient can be sent for another. */}
      <CarePlanBuilderView key={props.patientId} {...props} />
    </WidgetProvider>
  );
}

function CarePlanBuilderView(props: Omit<CarePlanBuilderProps, 'proxyUrl'>): ReactNode {
  const { patientId, authorId, theme, className, classNames, unstyled, onSuccess, onError } = props;
  const messages = useWidgetMessages('carePlanBuilder', carePlanBuilderMessages);
  const state = useCarePlanBuilder({ patientId, authorId, onSuccess, onError });
  const titleId = useId();
  const slot = slotClasses<CarePlanBuilderSlot>('CarePlanBuilder', { classNames, unstyled });

  return (
    <WidgetRoot
      widget="CarePlanBuilder"
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
      <CarePlanRecords state={state} messages={messages} slot={slot} />
      {state.writable && <CarePlanForm state={state} messages={messages} slot={slot} />}
    </WidgetRoot>
  );
}

interface PartProps {
  readonly state: CarePlanBuilderState;
  readonly messages: CarePlanBuilderMessages;
  readonly slot: ReturnType<typeof slotClasses<CarePlanBuilderSlot>>;
}

type MessageKey = keyof CarePlanBuilderMessages;
const STATUS_LABELS: Readonly<Record<string, MessageKey>> = {
  draft: 'statusDraft',
  active: 'statusActive',
  'on-hold': 'statusOnHold',
  revoked: 'statusRevoked',
  completed: 'statusCompleted',
};
const INTENT_LABELS: Readonly<Record<string, MessageKey>> = {
  plan: 'intentPlan',
  order: 'intentOrder',
  proposal: 'intentProposal',
  option: 'intentOption',
};

function CarePlanRecords({ state, messages, slot }: PartProps): ReactNode {
  const locale = useLocale();
  const label = (code: string, labels: Readonly<Record<string, MessageKey>>) => {
    const key = labels[code];
    return key ? messages[key] : code;
  };
  const periodOf = (plan: CarePlan) => {
    const start = plan.period?.start && formatDate(plan.period.start, locale);
    const end = plan.period?.end && formatDate(plan.period.end, locale);
    if (start && end) return formatMessage(messages.fromTo, { start, end });
    return start ? formatMessage(messages.from, { date: start }) : undefined;
  };
  return (
    <RecordsSection state={state} messages={messages}>
      <ul className={slot('records', 'ck-Widget-records')}>
        {state.records.map((plan) => {
          const activities = plan.activity?.length ?? 0;
          const details = [
            label(plan.status, STATUS_LABELS),
            label(plan.intent, INTENT_LABELS),
            plan.category?.map(conceptText).filter(Boolean).join(', '),
            periodOf(plan),
            activities === 1
              ? messages.oneActivity
              : activities > 1 && formatMessage(messages.activityCount, { count: activities }, locale),
          ].filter(Boolean);
          return (
            <li key={plan.id} className={slot('record', 'ck-Widget-record')} data-status={plan.status} data-intent={plan.intent}>
              <span>
                <strong>{plan.title ?? messages.untitled}</strong>
                {plan.description && <span className="ck-CarePlanBuilder-description">{plan.description}</span>}
              </span>
              <span className="ck-Widget-meta">{details.join(' · ')}</span>
            </li>
          );
        })}
      </ul>
    </RecordsSection>
  );
}

function CarePlanForm({ state, messages, slot }: PartProps): ReactNode {
  const { form, errorOf } = state;
  const headingId = useId();
  return (
    <form className={slot('form', 'ck-Widget-form')} aria-labelledby={headingId} onSubmit={state.onSubmit} noValidate>
      <h3 id={headingId}>{messages.formTitle}</h3>
      <Field label={messages.planTitle} help={messages.planTitleHelp} required error={errorOf('title')}>
        {(control) => <input type="text" {...control} {...form.register('title')} />}
      </Field>
      <Field label={messages.description} error={errorOf('description')}>
        {(control) => <textarea rows={3} {...control} {...form.register('description')} />}
      </Field>
      <div className={slot('fields', 'ck-Widget-grid')}>
        <Field label={messages.status} required error={errorOf('status')}>
          {(control) => (
            <select {...control} {...form.register('status')}>
              <option value="active">{messages.statusActive}</option>
              <option value="draft">{messages.statusDraft}</option>
            </select>
          )}
        </Field>
        <Field label={messages.intent} required error={errorOf('intent')}>
          {(control) => (
            <select {...control} {...form.register('intent')}>
              <option value="plan">{messages.intentPlan}</option>
              <option value="order">{messages.intentOrder}</option>
            </select>
          )}
        </Field>
        <Field label={messages.periodStart} error={errorOf('period.start')}>
          {(control) => <input type="date" {...control} {...form.register('period.start')} />}
        </Field>
        <Field label={messages.periodEnd} error={errorOf('period.end')}>
          {(control) => <input type="date" {...control} {...form.register('period.end')} />}
        </Field>
      </div>
      <Field label={messages.category} help={messages.categoryHelp} error={errorOf('category')}>
        {(control) => <input type="text" {...control} {...form.register('category')} />}
      </Field>
      <CarePlanActivities state={state} messages={messages} className={slot('activities')} />
      <Field label={messages.note} error={errorOf('note')}>
        {(control) => <textarea rows={2} {...control} {...form.register('note')} />}
      </Field>
      {state.formErrors.length > 0 && <Notice tone="error">{state.formErrors.join(' ')}</Notice>}
      {state.error && <ErrorState title={messages.saveError} action="write" error={state.error} onRetry={() => void state.retry()} />}
      {state.status === 'success' && state.result && (
        <Notice tone="success">{formatMessage(messages.saved, { plan: state.result.title ?? messages.untitled })}</Notice>
      )}
      <div className={slot('actions', 'ck-Widget-actions')}>
        <Button type="submit" pending={state.status === 'submitting'} pendingLabel={messages.saving}>
          {messages.save}
        </Button>
      </div>
    </form>
  );
}

'use client';
import type { Condition } from '@clinikapi/core';
import { useId, type ReactNode } from 'react';
import { Controller } from 'react-hook-form';
import { CONDITION_CODES } from '../../codes/catalogues.ts';
import { formatDate } from '../../i18n/format.ts';
import { formatMessage } from '../../i18n/messages.ts';
import { useWidgetMessages } from '../../i18n/widget-messages.ts';
import { useLocale } from '../../provider/context.ts';
import { Button } from '../../ui/Button/Button.tsx';
import { CodeField } from '../../ui/CodeField/CodeField.tsx';
import { Field } from '../../ui/Field/Field.tsx';
import { conceptCode, conceptText } from '../../headless/fhir-display.ts';
import { localToday } from '../../headless/form/dates.ts';
import { Notice } from '../../ui/Notice/Notice.tsx';
import { slotClasses } from '../../ui/slots.ts';
import { RecordsSection } from '../../ui/States/RecordsSection.tsx';
import { ErrorState } from '../../ui/States/States.tsx';
import type { WidgetProps } from '../../ui/widget-props.ts';
import { WidgetProvider } from '../../ui/WidgetRoot/WidgetProvider.tsx';
import { WidgetRoot } from '../../ui/WidgetRoot/WidgetRoot.tsx';
import { conditionTrackerMessages, type ConditionTrackerMessages } from './messages.ts';
import { useConditionTracker, type ConditionTrackerState } from './useConditionTracker.ts';

/** The inner parts of a ConditionTracker that `classNames` can style. */
export type ConditionTrackerSlot = 'header' | 'title' | 'records' | 'record' | 'past' | 'form' | 'fields' | 'actions';

export interface ConditionTrackerProps extends WidgetProps<ConditionTrackerSlot, Condition> {
  /** The practitioner recording the condition; sent as the record's `recorder`. Default: none. */
  readonly recorderId?: string;
}

/**
 * Records a patient's conditions and diagnoses (FHIR Condition), after showing the active ones already on the problem
 * list. Works on its own with `proxyUrl`, or inside a `ClinikProvider`.
 */
export function ConditionTracker({ proxyUrl, ...props }: ConditionTrackerProps): ReactNode {
  return (
    <WidgetProvider proxyUrl={proxyUrl}>
      {/* A new patient is a new form: nothing typed for one patient can be sent for another. */}
      <ConditionTrackerView key={props.patientId} {...props} />
    </WidgetProvider>
  );
}

function ConditionTrackerView(props: Omit<ConditionTrackerProps, 'proxyUrl'>): ReactNode {
  const { patientId, recorderId, theme, className, classNames, unstyled, onSuccess, onError } = props;
  const messages = useWidgetMessages('conditionTracker', conditionTrackerMessages);
  const state = useConditionTracker({ patientId, recorderId, onSuccess, onError });
  const titleId = useId();
  const slot = slotClasses<ConditionTrackerSlot>('ConditionTracker', { classNames, unstyled });

  return (
    <WidgetRoot
      widget="ConditionTracker"
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
      <ConditionRecords state={state} messages={messages} slot={slot} />
      {state.writable && <ConditionForm state={state} messages={messages} slot={slot} />}
    </WidgetRoot>
  );
}

interface PartProps {
  readonly state: ConditionTrackerState;
  readonly messages: ConditionTrackerMessages;
  readonly slot: ReturnType<typeof slotClasses<ConditionTrackerSlot>>;
}

function ConditionRecords({ state, messages, slot }: PartProps): ReactNode {
  return (
    <RecordsSection
      state={state}
      messages={messages}
      footer={
        state.pastRecords.length > 0 && (
          // A native disclosure: the problem list stays about what is current, the history is one keypress away.
          <details className={slot('past')}>
            <summary>{formatMessage(messages.pastTitle, { count: state.pastRecords.length })}</summary>
            <ConditionList conditions={state.pastRecords} messages={messages} slot={slot} />
          </details>
        )
      }
    >
      <ConditionList conditions={state.records} messages={messages} slot={slot} />
    </RecordsSection>
  );
}

function ConditionList({
  conditions,
  messages,
  slot,
}: Omit<PartProps, 'state'> & { readonly conditions: readonly Condition[] }): ReactNode {
  const locale = useLocale();
  return (
    <ul className={slot('records', 'ck-Widget-records')}>
      {conditions.map((condition) => {
        const status = conceptCode(condition.clinicalStatus);
        const verification = conceptCode(condition.verificationStatus);
        const severity = conceptText(condition.severity);
        const code = condition.code?.coding?.[0]?.code;
        const details = [
          severity && (labelOf(severity.toLowerCase(), SEVERITY_LABELS, messages) ?? severity),
          verification && verification !== 'confirmed' && labelOf(verification, VERIFICATION_LABELS, messages),
          status && status !== 'active' && labelOf(status, STATUS_LABELS, messages),
          condition.onsetDateTime && formatMessage(messages.since, { date: formatDate(condition.onsetDateTime, locale) }),
          condition.abatementDateTime && formatMessage(messages.ended, { date: formatDate(condition.abatementDateTime, locale) }),
        ].filter(Boolean);
        return (
          <li
            key={condition.id}
            className={slot('record', 'ck-Widget-record')}
            data-status={status}
            data-verification={verification}
            data-severity={severity ? severity.toLowerCase() : undefined}
          >
            <span>
              <strong>{conceptText(condition.code)}</strong>
              {code && code !== conceptText(condition.code) && <span className="ck-Widget-meta"> {code}</span>}
            </span>
            {details.length > 0 && <span className="ck-Widget-meta">{details.join(' · ')}</span>}
          </li>
        );
      })}
    </ul>
  );
}

type MessageKey = keyof ConditionTrackerMessages;
const STATUS_LABELS: Readonly<Record<string, MessageKey>> = {
  active: 'statusActive',
  recurrence: 'statusRecurrence',
  relapse: 'statusRelapse',
  inactive: 'statusInactive',
  remission: 'statusRemission',
  resolved: 'statusResolved',
};
const VERIFICATION_LABELS: Readonly<Record<string, MessageKey>> = {
  confirmed: 'verificationConfirmed',
  unconfirmed: 'verificationUnconfirmed',
  provisional: 'verificationProvisional',
  differential: 'verificationDifferential',
  refuted: 'verificationRefuted',
};
const SEVERITY_LABELS: Readonly<Record<string, MessageKey>> = {
  mild: 'severityMild',
  moderate: 'severityModerate',
  severe: 'severitySevere',
};

/** The words for a FHIR code; a code this widget has no words for is shown as stored. */
function labelOf(code: string, labels: Readonly<Record<string, MessageKey>>, messages: ConditionTrackerMessages): string | undefined {
  const key = labels[code];
  return key ? messages[key] : code;
}

function ConditionForm({ state, messages, slot }: PartProps): ReactNode {
  const { form, errorOf } = state;
  const headingId = useId();
  const today = localToday();
  return (
    <form className={slot('form', 'ck-Widget-form')} aria-labelledby={headingId} onSubmit={state.onSubmit} noValidate>
      <h3 id={headingId}>{messages.formTitle}</h3>
      <Controller
        control={form.control}
        name="code"
        render={({ field }) => (
          <CodeField
            label={messages.code}
            help={messages.codeHelp}
            required
            options={CONDITION_CODES}
            value={field.value}
            onChange={field.onChange}
            onBlur={field.onBlur}
            name={field.name}
            inputRef={field.ref}
            error={errorOf('code')}
          />
        )}
      />
      <div className={slot('fields', 'ck-Widget-grid')}>
        <Field label={messages.clinicalStatus} required error={errorOf('clinicalStatus')}>
          {(control) => (
            <select {...control} {...form.register('clinicalStatus')}>
              <option value="active">{messages.statusActive}</option>
              <option value="inactive">{messages.statusInactive}</option>
              <option value="resolved">{messages.statusResolved}</option>
            </select>
          )}
        </Field>
        <Field label={messages.verificationStatus} required error={errorOf('verificationStatus')}>
          {(control) => (
            <select {...control} {...form.register('verificationStatus')}>
              <option value="confirmed">{messages.verificationConfirmed}</option>
              <option value="unconfirmed">{messages.verificationUnconfirmed}</option>
            </select>
          )}
        </Field>
        <Field label={messages.severity} error={errorOf('severity')}>
          {(control) => (
            <select {...control} {...form.register('severity')}>
              <option value="">{messages.notSpecified}</option>
              <option value="mild">{messages.severityMild}</option>
              <option value="moderate">{messages.severityModerate}</option>
              <option value="severe">{messages.severitySevere}</option>
            </select>
          )}
        </Field>
        <Field label={messages.onset} help={messages.onsetHelp} error={errorOf('onsetDateTime')}>
          {(control) => <input type="date" max={today} {...control} {...form.register('onsetDateTime')} />}
        </Field>
        <Field label={messages.abatement} help={messages.abatementHelp} error={errorOf('abatementDateTime')}>
          {(control) => <input type="date" max={today} {...control} {...form.register('abatementDateTime')} />}
        </Field>
      </div>
      <Field label={messages.note} error={errorOf('note')}>
        {(control) => <textarea rows={3} {...control} {...form.register('note')} />}
      </Field>
      {state.formErrors.length > 0 && <Notice tone="error">{state.formErrors.join(' ')}</Notice>}
      {state.error && <ErrorState title={messages.saveError} action="write" error={state.error} onRetry={() => void state.retry()} />}
      {state.status === 'success' && state.result && (
        <Notice tone="success">{formatMessage(messages.saved, { condition: conceptText(state.result.code) })}</Notice>
      )}
      <div className={slot('actions', 'ck-Widget-actions')}>
        <Button type="submit" pending={state.status === 'submitting'} pendingLabel={messages.saving}>
          {messages.save}
        </Button>
      </div>
    </form>
  );
}

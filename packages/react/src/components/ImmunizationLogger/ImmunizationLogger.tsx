'use client';
import type { Immunization } from '@clinikapi/core';
import { useId, type ReactNode } from 'react';
import { Controller } from 'react-hook-form';
import { ROUTE_CODES, SITE_CODES, VACCINE_CODES } from '../../codes/catalogues.ts';
import { formatDate } from '../../i18n/format.ts';
import { formatMessage } from '../../i18n/messages.ts';
import { useWidgetMessages } from '../../i18n/widget-messages.ts';
import { useLocale } from '../../provider/context.ts';
import { Button } from '../../ui/Button/Button.tsx';
import { CodeField } from '../../ui/CodeField/CodeField.tsx';
import { Field } from '../../ui/Field/Field.tsx';
import { conceptText } from '../../headless/fhir-display.ts';
import { localToday } from '../../headless/form/dates.ts';
import { Notice } from '../../ui/Notice/Notice.tsx';
import { slotClasses } from '../../ui/slots.ts';
import { RecordsSection } from '../../ui/States/RecordsSection.tsx';
import { ErrorState } from '../../ui/States/States.tsx';
import type { WidgetProps } from '../../ui/widget-props.ts';
import { WidgetProvider } from '../../ui/WidgetRoot/WidgetProvider.tsx';
import { WidgetRoot } from '../../ui/WidgetRoot/WidgetRoot.tsx';
import { immunizationLoggerMessages, type ImmunizationLoggerMessages } from './messages.ts';
import { useImmunizationLogger, type ImmunizationLoggerState } from './useImmunizationLogger.ts';

/** The inner parts of an ImmunizationLogger that `classNames` can style. */
export type ImmunizationLoggerSlot = 'header' | 'title' | 'records' | 'record' | 'form' | 'fields' | 'actions';

export type ImmunizationLoggerProps = WidgetProps<ImmunizationLoggerSlot, Immunization>;

/**
 * Logs a patient's immunizations (FHIR Immunization) with vaccine, lot, site and route, after showing the history
 * already on record. Works on its own with `proxyUrl`, or inside a `ClinikProvider`.
 */
export function ImmunizationLogger({ proxyUrl, ...props }: ImmunizationLoggerProps): ReactNode {
  return (
    <WidgetProvider proxyUrl={proxyUrl}>
      {/* A new patient is a new form: nothing typed for one patient can be sent for another. */}
      <ImmunizationLoggerView key={props.patientId} {...props} />
    </WidgetProvider>
  );
}

function ImmunizationLoggerView(props: Omit<ImmunizationLoggerProps, 'proxyUrl'>): ReactNode {
  const { patientId, theme, className, classNames, unstyled, onSuccess, onError } = props;
  const messages = useWidgetMessages('immunizationLogger', immunizationLoggerMessages);
  const state = useImmunizationLogger({ patientId, onSuccess, onError });
  const titleId = useId();
  const slot = slotClasses<ImmunizationLoggerSlot>('ImmunizationLogger', { classNames, unstyled });

  return (
    <WidgetRoot
      widget="ImmunizationLogger"
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
      <ImmunizationHistory state={state} messages={messages} slot={slot} />
      {state.writable && <ImmunizationForm state={state} messages={messages} slot={slot} />}
    </WidgetRoot>
  );
}

interface PartProps {
  readonly state: ImmunizationLoggerState;
  readonly messages: ImmunizationLoggerMessages;
  readonly slot: ReturnType<typeof slotClasses<ImmunizationLoggerSlot>>;
}

function ImmunizationHistory({ state, messages, slot }: PartProps): ReactNode {
  const locale = useLocale();
  return (
    <RecordsSection state={state} messages={messages}>
      <ul className={slot('records', 'ck-Widget-records')}>
        {state.records.map((immunization) => {
          const code = immunization.vaccineCode.coding?.[0]?.code;
          const reason = conceptText(immunization.statusReason);
          const details = [
            immunization.occurrenceDateTime && formatDate(immunization.occurrenceDateTime, locale),
            immunization.status === 'not-done' && (reason ? formatMessage(messages.notDoneBecause, { reason }) : messages.statusNotDone),
            conceptText(immunization.site),
            conceptText(immunization.route),
            immunization.lotNumber && formatMessage(messages.lot, { lot: immunization.lotNumber }),
            immunization.manufacturer?.display,
          ].filter(Boolean);
          return (
            <li key={immunization.id} className={slot('record', 'ck-Widget-record')} data-status={immunization.status}>
              <span>
                <strong>{conceptText(immunization.vaccineCode)}</strong>
                {code && <span className="ck-Widget-meta"> {formatMessage(messages.cvxCode, { code })}</span>}
              </span>
              <span className="ck-Widget-meta">{details.join(' · ')}</span>
            </li>
          );
        })}
      </ul>
    </RecordsSection>
  );
}

function ImmunizationForm({ state, messages, slot }: PartProps): ReactNode {
  const { form, errorOf } = state;
  const headingId = useId();
  const notDone = form.watch('status') === 'not-done';
  return (
    <form className={slot('form', 'ck-Widget-form')} aria-labelledby={headingId} onSubmit={state.onSubmit} noValidate>
      <h3 id={headingId}>{messages.formTitle}</h3>
      <Controller
        control={form.control}
        name="vaccineCode"
        render={({ field }) => (
          <CodeField
            label={messages.vaccine}
            help={messages.vaccineHelp}
            required
            options={VACCINE_CODES}
            value={field.value}
            onChange={field.onChange}
            onBlur={field.onBlur}
            name={field.name}
            inputRef={field.ref}
            error={errorOf('vaccineCode')}
          />
        )}
      />
      <div className={slot('fields', 'ck-Widget-grid')}>
        <Field label={messages.status} required error={errorOf('status')}>
          {(control) => (
            <select {...control} {...form.register('status')}>
              <option value="completed">{messages.statusCompleted}</option>
              <option value="not-done">{messages.statusNotDone}</option>
            </select>
          )}
        </Field>
        <Field label={messages.occurrence} help={messages.occurrenceHelp} error={errorOf('occurrenceDateTime')}>
          {(control) => <input type="date" max={localToday()} {...control} {...form.register('occurrenceDateTime')} />}
        </Field>
        {(['site', 'route'] as const).map((name) => (
          <Controller
            key={name}
            control={form.control}
            name={name}
            render={({ field }) => (
              <CodeField
                label={messages[name]}
                help={name === 'site' ? messages.siteHelp : messages.routeHelp}
                options={name === 'site' ? SITE_CODES : ROUTE_CODES}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                name={field.name}
                inputRef={field.ref}
                error={errorOf(name)}
              />
            )}
          />
        ))}
        <Field label={messages.lotNumber} error={errorOf('lotNumber')}>
          {(control) => <input type="text" autoComplete="off" {...control} {...form.register('lotNumber')} />}
        </Field>
        <Field label={messages.manufacturer} error={errorOf('manufacturer')}>
          {(control) => <input type="text" {...control} {...form.register('manufacturer')} />}
        </Field>
      </div>
      {notDone && (
        <Field label={messages.statusReason} help={messages.statusReasonHelp} error={errorOf('statusReason')}>
          {(control) => <input type="text" {...control} {...form.register('statusReason')} />}
        </Field>
      )}
      <Field label={messages.note} error={errorOf('note')}>
        {(control) => <textarea rows={3} {...control} {...form.register('note')} />}
      </Field>
      {state.formErrors.length > 0 && <Notice tone="error">{state.formErrors.join(' ')}</Notice>}
      {state.error && <ErrorState title={messages.saveError} action="write" error={state.error} onRetry={() => void state.retry()} />}
      {state.status === 'success' && state.result && (
        <Notice tone="success">{formatMessage(messages.saved, { vaccine: conceptText(state.result.vaccineCode) })}</Notice>
      )}
      <div className={slot('actions', 'ck-Widget-actions')}>
        <Button type="submit" pending={state.status === 'submitting'} pendingLabel={messages.saving}>
          {messages.save}
        </Button>
      </div>
    </form>
  );
}

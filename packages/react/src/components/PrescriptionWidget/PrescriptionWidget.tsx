'use client';
import type { MedicationRequest } from '@clinikapi/core';
import { useId, type ReactNode } from 'react';
import { Controller } from 'react-hook-form';
import { MEDICATION_CODES } from '../../codes/catalogues.ts';
import { formatDate } from '../../i18n/format.ts';
import { formatMessage } from '../../i18n/messages.ts';
import { useWidgetMessages } from '../../i18n/widget-messages.ts';
import { useLocale } from '../../provider/context.ts';
import { Button } from '../../ui/Button/Button.tsx';
import { CodeField } from '../../ui/CodeField/CodeField.tsx';
import { conceptText } from '../../headless/fhir-display.ts';
import { Notice } from '../../ui/Notice/Notice.tsx';
import { slotClasses } from '../../ui/slots.ts';
import { RecordsSection } from '../../ui/States/RecordsSection.tsx';
import { ErrorState } from '../../ui/States/States.tsx';
import type { WidgetProps } from '../../ui/widget-props.ts';
import { WidgetProvider } from '../../ui/WidgetRoot/WidgetProvider.tsx';
import { WidgetRoot } from '../../ui/WidgetRoot/WidgetRoot.tsx';
import { prescriptionWidgetMessages, type PrescriptionWidgetMessages } from './messages.ts';
import type { PrescriptionWidgetSlot } from './slots.ts';
import { usePrescriptionWidget, type PrescriptionWidgetState } from './usePrescriptionWidget.ts';

export interface PrescriptionWidgetProps extends WidgetProps<PrescriptionWidgetSlot, MedicationRequest> {
  /**
   * The prescribing practitioner; sent as the prescription's `requester`. Default `"unknown"`: allow-list the action
   * in your proxy and set the real prescriber from the session there.
   */
  readonly prescriberId?: string;
  /** How many prescriptions to list above the form. Default 10. */
  readonly recentCount?: number;
}

/**
 * Quick prescribing: one field, a medication name or RxNorm code, saved as an active FHIR MedicationRequest, under
 * the patient's current prescriptions. For dosage, refills and priority use `PrescriptionForm`. Works on its own with
 * `proxyUrl`, or inside a `ClinikProvider`.
 */
export function PrescriptionWidget({ proxyUrl, ...props }: PrescriptionWidgetProps): ReactNode {
  return (
    <WidgetProvider proxyUrl={proxyUrl}>
      {/* A new patient is a new form: nothing typed for one patient can be sent (or drafted) for another. */}
      <PrescriptionWidgetView key={props.patientId} {...props} />
    </WidgetProvider>
  );
}

interface PartProps {
  readonly state: PrescriptionWidgetState;
  readonly messages: PrescriptionWidgetMessages;
  readonly slot: ReturnType<typeof slotClasses<PrescriptionWidgetSlot>>;
}

function PrescriptionWidgetView(props: Omit<PrescriptionWidgetProps, 'proxyUrl'>): ReactNode {
  const { patientId, prescriberId, recentCount, theme, className, classNames, unstyled, onSuccess, onError } = props;
  const messages = useWidgetMessages('prescriptionWidget', prescriptionWidgetMessages);
  const state = usePrescriptionWidget({ patientId, prescriberId, recentCount, onSuccess, onError, records: props.showRecords !== false });
  const titleId = useId();
  const slot = slotClasses<PrescriptionWidgetSlot>('PrescriptionWidget', { classNames, unstyled });

  return (
    <WidgetRoot
      widget="PrescriptionWidget"
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
      {props.showRecords !== false && <PrescriptionList state={state} messages={messages} slot={slot} />}
      {state.writable && <QuickPrescription state={state} messages={messages} slot={slot} />}
    </WidgetRoot>
  );
}

function PrescriptionList({ state, messages, slot }: PartProps): ReactNode {
  const locale = useLocale();
  return (
    <RecordsSection state={state} messages={messages}>
      <ul className={slot('records', 'ck-Widget-records')}>
        {state.records.map((request) => (
          <li key={request.id} className={slot('record', 'ck-Widget-record')} data-status={request.status}>
            <strong>{conceptText(request.medicationCodeableConcept)}</strong>
            <span className="ck-Widget-meta">
              {[statusLabel(request.status, messages), formatDate(request.authoredOn, locale)].filter(Boolean).join(' · ')}
            </span>
          </li>
        ))}
      </ul>
    </RecordsSection>
  );
}

function QuickPrescription({ state, messages, slot }: PartProps): ReactNode {
  const { form, errorOf } = state;
  const headingId = useId();
  return (
    <form className={slot('form', 'ck-Widget-form')} aria-labelledby={headingId} onSubmit={state.onSubmit} noValidate>
      <h3 id={headingId}>{messages.formTitle}</h3>
      <Controller
        control={form.control}
        name="medication"
        render={({ field }) => (
          <CodeField
            label={messages.medication}
            help={messages.medicationHelp}
            required
            options={MEDICATION_CODES}
            value={field.value}
            onChange={field.onChange}
            onBlur={field.onBlur}
            name={field.name}
            inputRef={field.ref}
            error={errorOf('medication')}
          />
        )}
      />
      {state.formErrors.length > 0 && <Notice tone="error">{state.formErrors.join(' ')}</Notice>}
      {state.error && <ErrorState title={messages.saveError} action="write" error={state.error} onRetry={() => void state.retry()} />}
      {state.status === 'success' && state.result && (
        <Notice tone="success">{formatMessage(messages.saved, { medication: conceptText(state.result.medicationCodeableConcept) })}</Notice>
      )}
      <div className={slot('actions', 'ck-Widget-actions')}>
        <Button type="submit" pending={state.status === 'submitting'} pendingLabel={messages.saving}>
          {messages.save}
        </Button>
      </div>
    </form>
  );
}

function statusLabel(status: string, messages: PrescriptionWidgetMessages): string {
  const labels: Record<string, string> = {
    active: messages.statusActive,
    'on-hold': messages.statusOnHold,
    cancelled: messages.statusCancelled,
    completed: messages.statusCompleted,
    draft: messages.statusDraft,
    stopped: messages.statusStopped,
  };
  return labels[status] ?? status;
}

'use client';
import type { MedicationRequest } from '@clinikapi/core';
import { useId, type ReactNode } from 'react';
import { useWidgetMessages } from '../../i18n/widget-messages.ts';
import { slotClasses } from '../../ui/slots.ts';
import type { WidgetProps } from '../../ui/widget-props.ts';
import { WidgetProvider } from '../../ui/WidgetRoot/WidgetProvider.tsx';
import { WidgetRoot } from '../../ui/WidgetRoot/WidgetRoot.tsx';
import { prescriptionFormMessages } from './messages.ts';
import { PrescriptionFields } from './PrescriptionFields.tsx';
import { PrescriptionRecords } from './PrescriptionRecords.tsx';
import type { PrescriptionFormSlot } from './slots.ts';
import { usePrescriptionForm } from './usePrescriptionForm.ts';

export interface PrescriptionFormProps extends WidgetProps<PrescriptionFormSlot, MedicationRequest> {
  /**
   * The prescribing practitioner; sent as the prescription's `requester`. Default `"unknown"`: allow-list the action
   * in your proxy and set the real prescriber from the session there.
   */
  readonly prescriberId?: string;
  /** The encounter the prescription is written in; sent as its `encounter`. */
  readonly encounterId?: string;
}

/**
 * Writes a full prescription (FHIR MedicationRequest: RxNorm or free-text medication, dosage, priority, category,
 * refills 0–12, course of therapy, substitution) after listing the patient's prescriptions on record. Works on its
 * own with `proxyUrl`, or inside a `ClinikProvider`.
 */
export function PrescriptionForm({ proxyUrl, ...props }: PrescriptionFormProps): ReactNode {
  return (
    <WidgetProvider proxyUrl={proxyUrl}>
      {/* A new patient is a new form: nothing typed for one patient can be sent (or drafted) for another. */}
      <PrescriptionFormView key={props.patientId} {...props} />
    </WidgetProvider>
  );
}

function PrescriptionFormView(props: Omit<PrescriptionFormProps, 'proxyUrl'>): ReactNode {
  const { patientId, prescriberId, encounterId, theme, className, classNames, unstyled, onSuccess, onError } = props;
  const messages = useWidgetMessages('prescriptionForm', prescriptionFormMessages);
  const state = usePrescriptionForm({ patientId, prescriberId, encounterId, onSuccess, onError, records: props.showRecords !== false });
  const titleId = useId();
  const slot = slotClasses<PrescriptionFormSlot>('PrescriptionForm', { classNames, unstyled });

  return (
    <WidgetRoot
      widget="PrescriptionForm"
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
      {props.showRecords !== false && <PrescriptionRecords state={state} messages={messages} slot={slot} />}
      {state.writable && <PrescriptionFields state={state} messages={messages} slot={slot} />}
    </WidgetRoot>
  );
}

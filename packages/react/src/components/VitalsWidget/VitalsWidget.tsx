'use client';
import type { Observation } from '@clinikapi/core';
import { useId, type ReactNode } from 'react';
import { useWidgetMessages } from '../../i18n/widget-messages.ts';
import { slotClasses } from '../../ui/slots.ts';
import type { WidgetProps } from '../../ui/widget-props.ts';
import { WidgetProvider } from '../../ui/WidgetRoot/WidgetProvider.tsx';
import { WidgetRoot } from '../../ui/WidgetRoot/WidgetRoot.tsx';
import { vitalsWidgetMessages } from './messages.ts';
import type { VitalsWidgetSlot } from './slots.ts';
import { useVitalsWidget } from './useVitalsWidget.ts';
import { VitalsForm } from './VitalsForm.tsx';
import { VitalsRecords } from './VitalsRecords.tsx';
import type { VitalsReading } from './vitals-readings.ts';

export interface VitalsWidgetProps extends WidgetProps<VitalsWidgetSlot, Observation> {
  /**
   * The readings the form offers, in this order. Default: heart rate, blood pressure, temperature, respiratory
   * rate, oxygen saturation, weight and height.
   */
  readonly readings?: readonly VitalsReading[];
  /** The encounter the readings were taken in; sent as the observation's `encounter`. */
  readonly encounterId?: string;
  /** The practitioner who took the readings; sent as the observation's `performer`. */
  readonly performerId?: string;
  /** How many recent vitals to list above the form. Default 5. */
  readonly recentCount?: number;
}

/**
 * Records a patient's vital signs as one FHIR Observation panel (LOINC-coded readings with UCUM units), after
 * listing the most recent ones. Readings outside the usual range are flagged high or low; implausible ones are
 * refused. Works on its own with `proxyUrl`, or inside a `ClinikProvider`.
 */
export function VitalsWidget({ proxyUrl, ...props }: VitalsWidgetProps): ReactNode {
  return (
    <WidgetProvider proxyUrl={proxyUrl}>
      {/* A new patient is a new form: nothing typed for one patient can be sent (or drafted) for another. */}
      <VitalsWidgetView key={props.patientId} {...props} />
    </WidgetProvider>
  );
}

function VitalsWidgetView(props: Omit<VitalsWidgetProps, 'proxyUrl'>): ReactNode {
  const { patientId, readings, encounterId, performerId, recentCount, theme, className, classNames, unstyled, onSuccess, onError } = props;
  const messages = useWidgetMessages('vitalsWidget', vitalsWidgetMessages);
  const state = useVitalsWidget({
    patientId,
    readings,
    encounterId,
    performerId,
    recentCount,
    onSuccess,
    onError,
    records: props.showRecords !== false,
  });
  const titleId = useId();
  const slot = slotClasses<VitalsWidgetSlot>('VitalsWidget', { classNames, unstyled });
  const flagged = Object.values(state.flags).some((flag) => flag !== 'N');

  return (
    <WidgetRoot
      widget="VitalsWidget"
      theme={theme}
      className={className}
      unstyled={unstyled}
      labelledBy={titleId}
      state={{ status: state.status, records: state.recordsStatus, flagged }}
    >
      <div className={slot('header')}>
        <h2 id={titleId} className={slot('title')}>
          {messages.title}
        </h2>
      </div>
      {props.showRecords !== false && <VitalsRecords state={state} messages={messages} slot={slot} />}
      {state.writable && <VitalsForm state={state} messages={messages} slot={slot} />}
    </WidgetRoot>
  );
}

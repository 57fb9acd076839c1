'use client';
import type { DiagnosticReport } from '@clinikapi/core';
import { useId, type ReactNode } from 'react';
import { useWidgetMessages } from '../../i18n/widget-messages.ts';
import { slotClasses } from '../../ui/slots.ts';
import type { WidgetProps } from '../../ui/widget-props.ts';
import { WidgetProvider } from '../../ui/WidgetRoot/WidgetProvider.tsx';
import { WidgetRoot } from '../../ui/WidgetRoot/WidgetRoot.tsx';
import { LabForm } from './LabForm.tsx';
import { LabRecords } from './LabRecords.tsx';
import { labResultsWidgetMessages } from './messages.ts';
import type { LabResultsWidgetSlot } from './slots.ts';
import { useLabResultsWidget } from './useLabResultsWidget.ts';

export interface LabResultsWidgetProps extends WidgetProps<LabResultsWidgetSlot, DiagnosticReport> {
  /** The encounter the report belongs to; sent as the report's `encounter`. */
  readonly encounterId?: string;
  /** The practitioner who performed the test; sent as the report's `performer`. */
  readonly performerId?: string;
  /** How many recent reports to list above the form. Default 10. */
  readonly recentCount?: number;
}

/**
 * Orders a patient's lab, radiology and pathology reports (FHIR DiagnosticReport, LOINC-coded) after listing the
 * recent ones; a report that links results opens to show them. Works on its own with `proxyUrl`, or inside a
 * `ClinikProvider`.
 */
export function LabResultsWidget({ proxyUrl, ...props }: LabResultsWidgetProps): ReactNode {
  return (
    <WidgetProvider proxyUrl={proxyUrl}>
      {/* A new patient is a new form: nothing typed for one patient can be sent (or drafted) for another. */}
      <LabResultsWidgetView key={props.patientId} {...props} />
    </WidgetProvider>
  );
}

function LabResultsWidgetView(props: Omit<LabResultsWidgetProps, 'proxyUrl'>): ReactNode {
  const { patientId, encounterId, performerId, recentCount, theme, className, classNames, unstyled, onSuccess, onError } = props;
  const messages = useWidgetMessages('labResultsWidget', labResultsWidgetMessages);
  const state = useLabResultsWidget({
    patientId,
    encounterId,
    performerId,
    recentCount,
    onSuccess,
    onError,
    records: props.showRecords !== false,
  });
  const titleId = useId();
  const slot = slotClasses<LabResultsWidgetSlot>('LabResultsWidget', { classNames, unstyled });

  return (
    <WidgetRoot
      widget="LabResultsWidget"
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
      {props.showRecords !== false && <LabRecords state={state} messages={messages} slot={slot} />}
      {state.writable && <LabForm state={state} messages={messages} slot={slot} />}
    </WidgetRoot>
  );
}

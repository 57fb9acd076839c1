'use client';
/**
 * The LabResultsWidget's list of recent reports. A report that links results opens to show them; each result is
 * loaded only when its report is opened, so listing reports costs one request however many results they hold.
 */
import type { DiagnosticReport, Observation } from '@clinikapi/core';
import { useState, type ReactNode } from 'react';
import { useObservation } from '../../hooks/resources/observations.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { formatMessage } from '../../i18n/messages.ts';
import { useLocale } from '../../provider/context.ts';
import { conceptCode, conceptText, referenceId } from '../../headless/fhir-display.ts';
import type { slotClasses } from '../../ui/slots.ts';
import { RecordsSection } from '../../ui/States/RecordsSection.tsx';
import type { LabResultsWidgetMessages } from './messages.ts';
import type { LabResultsWidgetSlot } from './slots.ts';
import { reportDate, type LabResultsWidgetState } from './useLabResultsWidget.ts';

export interface LabPartProps {
  readonly state: LabResultsWidgetState;
  readonly messages: LabResultsWidgetMessages;
  readonly slot: ReturnType<typeof slotClasses<LabResultsWidgetSlot>>;
}

export function LabRecords({ state, messages, slot }: LabPartProps): ReactNode {
  return (
    <RecordsSection state={state} messages={messages}>
      <ul className={slot('records', 'ck-Widget-records')}>
        {state.records.map((report) => (
          <LabReport key={report.id} report={report} messages={messages} slot={slot} />
        ))}
      </ul>
    </RecordsSection>
  );
}

function LabReport({ report, messages, slot }: { report: DiagnosticReport } & Omit<LabPartProps, 'state'>): ReactNode {
  const locale = useLocale();
  const [open, setOpen] = useState(false);
  const category = conceptCode(report.category?.[0]);
  const resultIds = (report.result ?? []).map(referenceId).filter((id) => id !== undefined);
  const date = reportDate(report);
  const end = report.effectivePeriod?.end;
  return (
    <li className={slot('record', 'ck-Widget-record')} data-status={report.status} data-category={category}>
      <span>
        <strong>{conceptText(report.code)}</strong>
        {report.conclusion && <span> — {report.conclusion}</span>}
      </span>
      <span className="ck-Widget-meta">
        {[categoryLabel(category, messages), statusLabel(report.status, messages)].filter(Boolean).join(' · ')}
        {date && ' · '}
        {date && (
          <time dateTime={date}>
            {end
              ? formatMessage(messages.period, { start: formatDateTime(date, locale), end: formatDateTime(end, locale) })
              : formatDateTime(date, locale)}
          </time>
        )}
      </span>
      {resultIds.length > 0 && (
        <details className={slot('details')} onToggle={(event) => setOpen(event.currentTarget.open)}>
          <summary>
            {resultIds.length === 1 ? messages.resultCountOne : formatMessage(messages.resultCount, { count: resultIds.length }, locale)}
          </summary>
          {open && (
            <ul className={slot('results')}>
              {resultIds.map((id) => (
                <LabResult key={id} id={id} messages={messages} slot={slot} />
              ))}
            </ul>
          )}
        </details>
      )}
    </li>
  );
}

function LabResult({ id, messages, slot }: { id: string } & Omit<LabPartProps, 'state'>): ReactNode {
  const locale = useLocale();
  const result = useObservation(id);
  if (result.isPending) return <li aria-busy="true">{messages.resultsLoading}</li>;
  if (result.isError) return <li>{messages.resultLoadError}</li>;
  const observation = result.data;
  const flag = conceptCode(observation.interpretation?.[0]);
  const range = observation.referenceRange?.[0];
  return (
    <li data-interpretation={flag}>
      <span>{conceptText(observation.code)}</span> <strong>{valueOf(observation, messages, locale)}</strong>
      {interpretationLabel(flag, messages) && <span className={slot('flag')}> {interpretationLabel(flag, messages)}</span>}
      {range?.low?.value !== undefined && range.high?.value !== undefined && (
        <span className="ck-Widget-meta">
          {' '}
          ({formatMessage(messages.referenceRange, { low: range.low.value, high: range.high.value }, locale)})
        </span>
      )}
    </li>
  );
}

function valueOf(observation: Observation, messages: LabResultsWidgetMessages, locale: string | undefined): string {
  const quantity = observation.valueQuantity;
  if (quantity?.value !== undefined)
    return formatMessage(messages.quantity, { value: quantity.value, unit: quantity.unit ?? '' }, locale).trim();
  return observation.valueString ?? conceptText(observation.valueCodeableConcept);
}

function categoryLabel(category: string | undefined, messages: LabResultsWidgetMessages): string | undefined {
  if (category === 'LAB') return messages.categoryLAB;
  if (category === 'RAD') return messages.categoryRAD;
  if (category === 'PAT') return messages.categoryPAT;
  return category;
}

export function statusLabel(status: string, messages: LabResultsWidgetMessages): string {
  const labels: Record<string, string> = {
    registered: messages.statusRegistered,
    partial: messages.statusPartial,
    preliminary: messages.statusPreliminary,
    final: messages.statusFinal,
    amended: messages.statusAmended,
    corrected: messages.statusCorrected,
    appended: messages.statusAppended,
    cancelled: messages.statusCancelled,
  };
  return labels[status] ?? status;
}

function interpretationLabel(flag: string | undefined, messages: LabResultsWidgetMessages): string | undefined {
  const labels: Record<string, string> = {
    H: messages.high,
    L: messages.low,
    A: messages.abnormal,
    HH: messages.criticalHigh,
    LL: messages.criticalLow,
  };
  return flag ? labels[flag] : undefined;
}

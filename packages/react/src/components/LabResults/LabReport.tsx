'use client';
/** One lab report: a disclosure header with its status and flags summary, and its results as a table. */
import type { DiagnosticReport } from '@clinikapi/core';
import { useId, type ReactNode } from 'react';
import { formatDateTime, formatNumber } from '../../i18n/format.ts';
import { formatMessage } from '../../i18n/messages.ts';
import { useLocale, useMessages } from '../../provider/context.ts';
import { Button } from '../../ui/Button/Button.tsx';
import { Badge, type BadgeTone } from '../PatientRecord/Badge.tsx';
import { Heading, type HeadingLevel } from '../PatientRecord/Heading.tsx';
import { CRITICAL_FLAGS, type LabFlag } from './lab-flags.ts';
import type { LabResultsMessages } from './messages.ts';
import type { LabReportItem, LabResultItem } from './useLabResults.ts';

export interface LabReportProps {
  readonly report: LabReportItem;
  readonly expanded: boolean;
  readonly onToggle: () => void;
  readonly onRetryResults: () => void;
  readonly messages: LabResultsMessages;
  readonly headingLevel: HeadingLevel;
  readonly className: string | undefined;
  readonly tableClassName: string | undefined;
}

const STATUS_TONES: Readonly<Record<DiagnosticReport['status'], BadgeTone>> = {
  registered: 'info',
  partial: 'warning',
  preliminary: 'warning',
  final: 'success',
  amended: 'success',
  corrected: 'success',
  appended: 'success',
  cancelled: 'neutral',
  'entered-in-error': 'danger',
  unknown: 'neutral',
};

export function labStatusLabel(status: DiagnosticReport['status'], messages: LabResultsMessages): string {
  const labels: Record<DiagnosticReport['status'], string> = {
    registered: messages.statusRegistered,
    partial: messages.statusPartial,
    preliminary: messages.statusPreliminary,
    final: messages.statusFinal,
    amended: messages.statusAmended,
    corrected: messages.statusCorrected,
    appended: messages.statusAppended,
    cancelled: messages.statusCancelled,
    'entered-in-error': messages.statusEnteredInError,
    unknown: messages.statusUnknown,
  };
  return labels[status];
}

/** The arrow that repeats a flag's meaning in shape, for readers who do not see colour. */
const FLAG_MARKS: Readonly<Record<LabFlag, string>> = { HH: '⇈', H: '↑', N: '', L: '↓', LL: '⇊', A: '!', AA: '‼' };

export function flagLabel(flag: LabFlag, messages: LabResultsMessages): string {
  return messages[`flag${flag}`];
}

export function LabReport(props: LabReportProps): ReactNode {
  const { report, expanded, onToggle, messages, headingLevel, className } = props;
  const locale = useLocale();
  const bodyId = useId();
  const category = report.category ? ((messages as Record<string, string>)[`category${report.category}`] ?? report.category) : undefined;
  const summary =
    report.results.length === 0
      ? undefined
      : report.abnormalCount === 0
        ? messages.allNormal
        : [
            formatMessage(messages.abnormalCount, { count: report.abnormalCount }, locale),
            report.criticalCount > 0 && formatMessage(messages.criticalCount, { count: report.criticalCount }, locale),
          ]
            .filter(Boolean)
            .join(' · ');

  return (
    <li
      className={className}
      data-status={report.status}
      data-abnormal={report.abnormalCount > 0 || undefined}
      data-critical={report.criticalCount > 0 || undefined}
    >
      <Heading level={headingLevel} className="ck-LabResults-reportTitle">
        <button type="button" className="ck-LabResults-toggle" aria-expanded={expanded} aria-controls={bodyId} onClick={onToggle}>
          <span className="ck-LabResults-chevron" aria-hidden="true" />
          <span>{report.name || messages.untitled}</span>
        </button>
      </Heading>
      <div className="ck-LabResults-reportMeta">
        {report.effective && (
          <time dateTime={report.effective} className="ck-RecordList-meta">
            {formatDateTime(report.effective, locale)}
          </time>
        )}
        {category && <span className="ck-RecordList-meta">{category}</span>}
        <Badge tone={STATUS_TONES[report.status]}>{labStatusLabel(report.status, messages)}</Badge>
        {summary && <Badge tone={report.criticalCount > 0 ? 'danger' : report.abnormalCount > 0 ? 'warning' : 'success'}>{summary}</Badge>}
      </div>
      <div id={bodyId} hidden={!expanded} className="ck-LabResults-reportBody">
        {expanded && <ReportBody {...props} />}
      </div>
    </li>
  );
}

function ReportBody({ report, onRetryResults, messages, tableClassName }: LabReportProps): ReactNode {
  const { common } = useMessages();
  const failed = report.results.some((result) => result.status === 'error');
  return (
    <>
      {report.results.length === 0 ? (
        <p className="ck-RecordList-meta">{messages.noResults}</p>
      ) : (
        <div className="ck-LabResults-scroll">
          <table className={tableClassName}>
            <caption className="ck-visually-hidden">
              {formatMessage(messages.resultsCaption, { report: report.name || messages.untitled })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{messages.columnTest}</th>
                <th scope="col">{messages.columnResult}</th>
                <th scope="col">{messages.columnRange}</th>
                <th scope="col">{messages.columnFlag}</th>
              </tr>
            </thead>
            <tbody>
              {report.results.map((result) => (
                <ResultRow key={result.id} result={result} messages={messages} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {failed && (
        <div role="alert" className="ck-ErrorState">
          <p className="ck-ErrorState-title">{messages.resultsError}</p>
          <Button variant="secondary" onClick={onRetryResults}>
            {common.retry}
          </Button>
        </div>
      )}
      {report.conclusion && (
        <p className="ck-LabResults-conclusion">
          <strong>{messages.conclusion}: </strong>
          {report.conclusion}
        </p>
      )}
    </>
  );
}

function ResultRow({ result, messages }: { result: LabResultItem; messages: LabResultsMessages }): ReactNode {
  const locale = useLocale();
  if (result.status !== 'ready') {
    return (
      <tr data-status={result.status}>
        <td colSpan={4}>{result.status === 'loading' ? messages.resultsLoading : messages.resultMissing}</td>
      </tr>
    );
  }
  const number = (value: number | undefined) => formatNumber(value, locale, { maximumFractionDigits: 3 });
  const value = result.value !== undefined ? [number(result.value), result.unit].filter(Boolean).join(' ') : (result.text ?? '');
  let range = result.rangeText ?? '';
  if (!range && result.low !== undefined && result.high !== undefined)
    range = formatMessage(messages.rangeBetween, { low: number(result.low), high: number(result.high) });
  else if (!range && result.high !== undefined) range = formatMessage(messages.rangeBelow, { high: number(result.high) });
  else if (!range && result.low !== undefined) range = formatMessage(messages.rangeAbove, { low: number(result.low) });
  if (range && result.unit && !result.rangeText) range = `${range} ${result.unit}`;
  const flag = result.flag;
  const critical = flag !== undefined && CRITICAL_FLAGS.includes(flag);
  return (
    <tr data-flag={flag} data-critical={critical || undefined}>
      <th scope="row">{result.name}</th>
      <td className="ck-LabResults-value">{value}</td>
      <td>{range}</td>
      <td>
        {flag && flag !== 'N' ? (
          <span className="ck-LabResults-flag" data-flag={flag}>
            <span aria-hidden="true">
              {flag} {FLAG_MARKS[flag]}
            </span>
            <span className="ck-visually-hidden">{flagLabel(flag, messages)}</span>
          </span>
        ) : flag === 'N' ? (
          <span className="ck-LabResults-flag" data-flag="N">
            {messages.flagN}
          </span>
        ) : null}
      </td>
    </tr>
  );
}

'use client';
import { useId, type ReactNode } from 'react';
import { formatMessage } from '../../i18n/messages.ts';
import { useWidgetMessages } from '../../i18n/widget-messages.ts';
import { Button } from '../../ui/Button/Button.tsx';
import { slotClasses } from '../../ui/slots.ts';
import { WidgetProvider } from '../../ui/WidgetRoot/WidgetProvider.tsx';
import { WidgetRoot } from '../../ui/WidgetRoot/WidgetRoot.tsx';
import { Heading, subLevel } from '../PatientRecord/Heading.tsx';
import { patientRecordMessages } from '../PatientRecord/messages.ts';
import { RecordState } from '../PatientRecord/RecordState.tsx';
import type { ViewerProps } from '../PatientRecord/viewer-props.ts';
import { LabReport } from './LabReport.tsx';
import { labResultsMessages } from './messages.ts';
import { useLabResults, type UseLabResultsOptions } from './useLabResults.ts';

/** The inner parts of LabResults that `classNames` can style. */
export type LabResultsSlot = 'header' | 'title' | 'reports' | 'report' | 'table' | 'more';

export interface LabResultsProps extends ViewerProps<LabResultsSlot>, Omit<UseLabResultsOptions, 'patientId'> {
  /** Heading text. Default: the `labResults.title` message. */
  readonly title?: ReactNode;
}

/**
 * A patient's lab reports (FHIR DiagnosticReport), newest first: each report's results with units, reference
 * ranges and H / L / HH / LL flags, its status and conclusion. Works on its own with `proxyUrl`, inside a
 * `ClinikProvider`, or inside PatientDashboard, whose single record request it then shares.
 */
export function LabResults({ proxyUrl, ...props }: LabResultsProps): ReactNode {
  return (
    <WidgetProvider proxyUrl={proxyUrl}>
      <LabResultsView {...props} />
    </WidgetProvider>
  );
}

function LabResultsView(props: Omit<LabResultsProps, 'proxyUrl'>): ReactNode {
  const { patientId, limit, defaultExpanded, theme, className, classNames, unstyled, headingLevel = 2, title } = props;
  const messages = useWidgetMessages('labResults', labResultsMessages);
  const shared = useWidgetMessages('patientRecord', patientRecordMessages);
  const state = useLabResults({ patientId, limit, defaultExpanded });
  const titleId = useId();
  const listId = useId();
  const slot = slotClasses<LabResultsSlot>('LabResults', { classNames, unstyled });
  const critical = state.reports.some((report) => report.criticalCount > 0);

  return (
    <WidgetRoot
      widget="LabResults"
      theme={theme}
      className={className}
      unstyled={unstyled}
      labelledBy={titleId}
      state={{ status: state.status, critical, fetching: state.isFetching }}
    >
      <div className={slot('header', 'ck-Viewer-header')}>
        <Heading level={headingLevel} id={titleId} className={slot('title')}>
          {title ?? messages.title}
        </Heading>
      </div>
      <div aria-busy={state.status === 'loading'}>
        <RecordState
          status={state.status}
          error={state.error}
          onRetry={state.retry}
          loading={messages.loading}
          errorTitle={messages.loadError}
          empty={messages.empty}
          emptyHint={messages.emptyHint}
        >
          {() => (
            <>
              <ul id={listId} className={slot('reports')} aria-labelledby={titleId}>
                {state.shown.map((report) => (
                  <LabReport
                    key={report.id}
                    report={report}
                    expanded={state.isExpanded(report.id)}
                    onToggle={() => state.toggle(report.id)}
                    onRetryResults={state.retryResults}
                    messages={messages}
                    headingLevel={subLevel(headingLevel)}
                    className={slot('report')}
                    tableClassName={slot('table')}
                  />
                ))}
              </ul>
              {limit !== undefined && state.reports.length > limit && (
                <Button
                  variant="ghost"
                  className={slot('more', 'ck-Viewer-more')}
                  aria-controls={listId}
                  aria-expanded={state.showAll}
                  onClick={() => state.setShowAll(!state.showAll)}
                >
                  {state.showAll ? shared.showFewer : formatMessage(shared.showAll, { count: state.reports.length })}
                </Button>
              )}
            </>
          )}
        </RecordState>
      </div>
    </WidgetRoot>
  );
}

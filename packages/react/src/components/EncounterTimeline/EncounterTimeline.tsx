'use client';
import type { Encounter } from '@clinikapi/core';
import { useId, type ReactNode } from 'react';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import { formatMessage } from '../../i18n/messages.ts';
import { useWidgetMessages } from '../../i18n/widget-messages.ts';
import { useLocale } from '../../provider/context.ts';
import { Button } from '../../ui/Button/Button.tsx';
import { slotClasses } from '../../ui/slots.ts';
import { WidgetProvider } from '../../ui/WidgetRoot/WidgetProvider.tsx';
import { WidgetRoot } from '../../ui/WidgetRoot/WidgetRoot.tsx';
import { Badge, type BadgeTone } from '../PatientRecord/Badge.tsx';
import { formatDuration } from '../PatientRecord/dates.ts';
import { Heading } from '../PatientRecord/Heading.tsx';
import { patientRecordMessages } from '../PatientRecord/messages.ts';
import { RecordState } from '../PatientRecord/RecordState.tsx';
import type { ViewerProps } from '../PatientRecord/viewer-props.ts';
import { encounterTimelineMessages, type EncounterTimelineMessages } from './messages.ts';
import { useEncounterTimeline, type EncounterItem } from './useEncounterTimeline.ts';

/** The inner parts of an EncounterTimeline that `classNames` can style. */
export type EncounterTimelineSlot = 'header' | 'title' | 'timeline' | 'item' | 'more';

export interface EncounterTimelineProps extends ViewerProps<EncounterTimelineSlot> {
  /** Show only the latest this many, with a button for the rest. Default: all. */
  readonly limit?: number;
  /** Heading text. Default: the `encounterTimeline.title` message. */
  readonly title?: ReactNode;
}

/**
 * A patient's encounters as a timeline, newest first: when, what kind, how long, where, why, and the status of
 * each. Works on its own with `proxyUrl`, inside a `ClinikProvider`, or inside PatientDashboard.
 */
export function EncounterTimeline({ proxyUrl, ...props }: EncounterTimelineProps): ReactNode {
  return (
    <WidgetProvider proxyUrl={proxyUrl}>
      <EncounterTimelineView {...props} />
    </WidgetProvider>
  );
}

function EncounterTimelineView(props: Omit<EncounterTimelineProps, 'proxyUrl'>): ReactNode {
  const { patientId, limit, theme, className, classNames, unstyled, headingLevel = 2, title } = props;
  const messages = useWidgetMessages('encounterTimeline', encounterTimelineMessages);
  const shared = useWidgetMessages('patientRecord', patientRecordMessages);
  const state = useEncounterTimeline({ patientId, limit });
  const titleId = useId();
  const listId = useId();
  const slot = slotClasses<EncounterTimelineSlot>('EncounterTimeline', { classNames, unstyled });

  return (
    <WidgetRoot
      widget="EncounterTimeline"
      theme={theme}
      className={className}
      unstyled={unstyled}
      labelledBy={titleId}
      state={{ status: state.status, expanded: state.expanded, fetching: state.isFetching }}
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
              <ol id={listId} className={slot('timeline')} aria-labelledby={titleId}>
                {state.shown.map((item) => (
                  <EncounterEntry key={item.id} item={item} messages={messages} className={slot('item')} />
                ))}
              </ol>
              {(state.hiddenCount > 0 || state.expanded) && limit !== undefined && state.encounters.length > limit && (
                <Button
                  variant="ghost"
                  className={slot('more', 'ck-Viewer-more')}
                  aria-controls={listId}
                  aria-expanded={state.expanded}
                  onClick={() => state.setExpanded(!state.expanded)}
                >
                  {state.expanded ? shared.showFewer : formatMessage(shared.showAll, { count: state.encounters.length })}
                </Button>
              )}
            </>
          )}
        </RecordState>
      </div>
    </WidgetRoot>
  );
}

const STATUS_TONES: Readonly<Record<Encounter['status'], BadgeTone>> = {
  planned: 'info',
  arrived: 'info',
  triaged: 'info',
  'in-progress': 'warning',
  onleave: 'warning',
  finished: 'success',
  cancelled: 'neutral',
  'entered-in-error': 'danger',
  unknown: 'neutral',
};

export function encounterStatusLabel(status: Encounter['status'], messages: EncounterTimelineMessages): string {
  const labels: Record<Encounter['status'], string> = {
    planned: messages.statusPlanned,
    arrived: messages.statusArrived,
    triaged: messages.statusTriaged,
    'in-progress': messages.statusInProgress,
    onleave: messages.statusOnleave,
    finished: messages.statusFinished,
    cancelled: messages.statusCancelled,
    'entered-in-error': messages.statusEnteredInError,
    unknown: messages.statusUnknown,
  };
  return labels[status];
}

export function encounterClassLabel(code: string | undefined, messages: EncounterTimelineMessages): string | undefined {
  if (!code) return undefined;
  const label = (messages as Record<string, string>)[`class${code}`];
  return label ?? code;
}

function EncounterEntry({
  item,
  messages,
  className,
}: {
  item: EncounterItem;
  messages: EncounterTimelineMessages;
  className: string | undefined;
}): ReactNode {
  const locale = useLocale();
  const kind = encounterClassLabel(item.classCode, messages);
  const meta = [item.type ? kind : undefined, formatDuration(item.minutes, locale), item.location].filter(Boolean);
  return (
    <li className={className} data-status={item.status} data-class={item.classCode}>
      <span className="ck-EncounterTimeline-marker" aria-hidden="true" />
      <div className="ck-EncounterTimeline-body">
        <div className="ck-EncounterTimeline-top">
          {item.start ? (
            <time dateTime={item.start} className="ck-EncounterTimeline-date" title={formatDateTime(item.start, locale)}>
              {formatDate(item.start, locale)}
            </time>
          ) : null}
          <Badge tone={STATUS_TONES[item.status]}>{encounterStatusLabel(item.status, messages)}</Badge>
        </div>
        <span className="ck-RecordList-title">{item.type ?? kind ?? messages.untitled}</span>
        {meta.length > 0 && <span className="ck-RecordList-meta">{meta.join(' · ')}</span>}
        {item.reason && <span>{formatMessage(messages.reason, { reason: item.reason })}</span>}
      </div>
    </li>
  );
}

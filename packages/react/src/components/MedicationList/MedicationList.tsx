'use client';
import type { MedicationRequest } from '@clinikapi/core';
import { useId, type ReactNode } from 'react';
import { formatDate } from '../../i18n/format.ts';
import { formatMessage } from '../../i18n/messages.ts';
import { useWidgetMessages } from '../../i18n/widget-messages.ts';
import { useLocale } from '../../provider/context.ts';
import { slotClasses } from '../../ui/slots.ts';
import { WidgetProvider } from '../../ui/WidgetRoot/WidgetProvider.tsx';
import { WidgetRoot } from '../../ui/WidgetRoot/WidgetRoot.tsx';
import { Badge, type BadgeTone } from '../PatientRecord/Badge.tsx';
import { Heading } from '../PatientRecord/Heading.tsx';
import { RecordState } from '../PatientRecord/RecordState.tsx';
import type { ViewerProps } from '../PatientRecord/viewer-props.ts';
import { medicationListMessages, type MedicationListMessages } from './messages.ts';
import { useMedicationList, type MedicationFilter, type MedicationItem, type UseMedicationListOptions } from './useMedicationList.ts';

/** The inner parts of a MedicationList that `classNames` can style. */
export type MedicationListSlot = 'header' | 'title' | 'filter' | 'list' | 'item';

export interface MedicationListProps extends ViewerProps<MedicationListSlot>, Omit<UseMedicationListOptions, 'patientId'> {
  /** Heading text. Default: the `medicationList.title` message. */
  readonly title?: ReactNode;
}

/**
 * A patient's medications (FHIR MedicationRequest): what they take now — active, on hold, draft — and what they
 * took before, with dosage, course and why a prescription was stopped. Works on its own with `proxyUrl`, inside a
 * `ClinikProvider`, or inside PatientDashboard, whose single record request it then shares.
 */
export function MedicationList({ proxyUrl, ...props }: MedicationListProps): ReactNode {
  return (
    <WidgetProvider proxyUrl={proxyUrl}>
      <MedicationListView {...props} />
    </WidgetProvider>
  );
}

function MedicationListView(props: Omit<MedicationListProps, 'proxyUrl'>): ReactNode {
  const { patientId, theme, className, classNames, unstyled, headingLevel = 2, title } = props;
  const messages = useWidgetMessages('medicationList', medicationListMessages);
  const state = useMedicationList({
    patientId,
    filter: props.filter,
    defaultFilter: props.defaultFilter,
    onFilterChange: props.onFilterChange,
  });
  const titleId = useId();
  const filterName = useId();
  const slot = slotClasses<MedicationListSlot>('MedicationList', { classNames, unstyled });
  const filters: readonly [MedicationFilter, string][] = [
    ['active', formatMessage(messages.filterActive, { count: state.counts.active })],
    ['inactive', formatMessage(messages.filterInactive, { count: state.counts.inactive })],
    ['all', formatMessage(messages.filterAll, { count: state.counts.all })],
  ];
  const emptyTitle = { active: messages.emptyActive, inactive: messages.emptyInactive, all: messages.empty }[state.filter];

  return (
    <WidgetRoot
      widget="MedicationList"
      theme={theme}
      className={className}
      unstyled={unstyled}
      labelledBy={titleId}
      state={{ status: state.status, filter: state.filter, fetching: state.isFetching }}
    >
      <div className={slot('header', 'ck-Viewer-header')}>
        <Heading level={headingLevel} id={titleId} className={slot('title')}>
          {title ?? messages.title}
        </Heading>
        <fieldset className={slot('filter', 'ck-Segmented')}>
          <legend className="ck-visually-hidden">{messages.filterLabel}</legend>
          {filters.map(([value, label]) => (
            <label key={value} className={unstyled ? undefined : 'ck-Segmented-option'}>
              <input
                type="radio"
                name={filterName}
                value={value}
                checked={state.filter === value}
                onChange={() => state.setFilter(value)}
              />
              <span>{label}</span>
            </label>
          ))}
        </fieldset>
      </div>
      <div aria-busy={state.status === 'loading'}>
        <RecordState
          status={state.status}
          error={state.error}
          onRetry={state.retry}
          loading={messages.loading}
          errorTitle={messages.loadError}
          empty={emptyTitle}
          emptyHint={state.counts.all === 0 ? messages.emptyHint : undefined}
        >
          {() => (
            <ul className={slot('list', 'ck-RecordList')}>
              {state.medications.map((item) => (
                <MedicationRow key={item.id} item={item} messages={messages} className={slot('item')} />
              ))}
            </ul>
          )}
        </RecordState>
      </div>
    </WidgetRoot>
  );
}

const STATUS_TONES: Readonly<Record<MedicationRequest['status'], BadgeTone>> = {
  active: 'success',
  'on-hold': 'warning',
  draft: 'info',
  completed: 'neutral',
  cancelled: 'neutral',
  stopped: 'neutral',
  'entered-in-error': 'danger',
  unknown: 'neutral',
};

export function medicationStatusLabel(status: MedicationRequest['status'], messages: MedicationListMessages): string {
  const labels: Record<MedicationRequest['status'], string> = {
    active: messages.statusActive,
    'on-hold': messages.statusOnHold,
    draft: messages.statusDraft,
    completed: messages.statusCompleted,
    cancelled: messages.statusCancelled,
    stopped: messages.statusStopped,
    'entered-in-error': messages.statusEnteredInError,
    unknown: messages.statusUnknown,
  };
  return labels[status];
}

function courseLabel(course: string | undefined, messages: MedicationListMessages): string | undefined {
  if (course === 'continuous') return messages.courseContinuous;
  if (course === 'acute') return messages.courseAcute;
  if (course === 'seasonal') return messages.courseSeasonal;
  return course;
}

function priorityLabel(priority: MedicationItem['priority'], messages: MedicationListMessages): string | undefined {
  if (priority === 'urgent') return messages.priorityUrgent;
  if (priority === 'asap') return messages.priorityAsap;
  if (priority === 'stat') return messages.priorityStat;
  return undefined;
}

function MedicationRow({
  item,
  messages,
  className,
}: {
  item: MedicationItem;
  messages: MedicationListMessages;
  className: string | undefined;
}): ReactNode {
  const locale = useLocale();
  const details = [
    courseLabel(item.course, messages),
    item.authoredOn && formatMessage(messages.prescribed, { date: formatDate(item.authoredOn, locale) }),
  ].filter(Boolean);
  const priority = priorityLabel(item.priority, messages);
  return (
    <li className={className} data-status={item.status} data-current={item.current || undefined}>
      <div className="ck-RecordList-main">
        <span className="ck-RecordList-title">{item.name}</span>
        <span>{item.dosage ?? messages.noDosage}</span>
        {details.length > 0 && <span className="ck-RecordList-meta">{details.join(' · ')}</span>}
        {item.statusReason && !item.current && (
          <span className="ck-RecordList-meta">{formatMessage(messages.reason, { reason: item.statusReason })}</span>
        )}
      </div>
      <div className="ck-RecordList-aside">
        {priority && <Badge tone="danger">{priority}</Badge>}
        <Badge tone={STATUS_TONES[item.status]}>{medicationStatusLabel(item.status, messages)}</Badge>
      </div>
    </li>
  );
}

'use client';
import type { PatientSummary } from '@clinikapi/core';
import { useId, type CSSProperties, type ReactNode } from 'react';
import { formatDate, formatNumber } from '../../i18n/format.ts';
import { formatMessage } from '../../i18n/messages.ts';
import { useWidgetMessages } from '../../i18n/widget-messages.ts';
import { useLocale } from '../../provider/context.ts';
import { Button } from '../../ui/Button/Button.tsx';
import { slotClasses, type StylingProps } from '../../ui/slots.ts';
import { EmptyState, ErrorState, Skeleton } from '../../ui/States/States.tsx';
import type { WidgetTheme } from '../../ui/theme/theme.ts';
import { WidgetProvider } from '../../ui/WidgetRoot/WidgetProvider.tsx';
import { WidgetRoot } from '../../ui/WidgetRoot/WidgetRoot.tsx';
import { patientListMessages, type PatientListMessages } from './messages.ts';
import { GRID_HEADER_HEIGHT, useVirtualRows } from './useVirtualRows.ts';
import { PATIENT_SORTS, usePatientList, type PatientSort, type UsePatientListOptions } from './usePatientList.ts';

/** The inner parts of a PatientList that `classNames` can style. */
export type PatientListSlot = 'root' | 'header' | 'title' | 'search' | 'sort' | 'table' | 'row' | 'status' | 'error' | 'empty';

export interface PatientListProps extends UsePatientListOptions, StylingProps<PatientListSlot> {
  /** Your backend's proxy mount (or `demo`). Optional inside a `ClinikProvider`. */
  readonly proxyUrl?: string;
  /** Called when a patient is chosen: click, or Enter/Space on the focused row. */
  readonly onSelect?: (patient: PatientSummary) => void;
  /** The patient currently open, marked selected (`aria-selected`). */
  readonly selectedPatientId?: string;
  /** Heading above the list. Default: the `patientList.title` message. */
  readonly title?: ReactNode;
  /** Color theme. Default `light`. */
  readonly theme?: WidgetTheme;
  /** Height of the scrolling list in pixels. Default 480. */
  readonly height?: number;
  /** Height of one row in pixels (rows are this tall, so 10,000 of them scroll without measuring). Default 44. */
  readonly rowHeight?: number;
}

/**
 * A searchable, sortable list of every patient, loaded page by page as it scrolls and virtualised (only the rows in
 * view are in the page), operable from the keyboard as a grid. Works on its own with `proxyUrl` or in a provider.
 */
export function PatientList({ proxyUrl, ...props }: PatientListProps): ReactNode {
  return (
    <WidgetProvider proxyUrl={proxyUrl}>
      <PatientListView {...props} />
    </WidgetProvider>
  );
}

function genderLabel(gender: PatientSummary['gender'], messages: PatientListMessages): string {
  if (gender === 'male') return messages.genderMale;
  if (gender === 'female') return messages.genderFemale;
  if (gender === 'other') return messages.genderOther;
  if (gender === 'unknown') return messages.genderUnknown;
  return '';
}

function PatientListView(props: Omit<PatientListProps, 'proxyUrl'>): ReactNode {
  const { onSelect, selectedPatientId, title, theme, className, classNames, unstyled, height = 480, rowHeight = 44, ...options } = props;
  const messages = useWidgetMessages('patientList', patientListMessages);
  const locale = useLocale();
  const state = usePatientList(options);
  const titleId = useId();
  const searchId = useId();
  const sortId = useId();
  const hintId = useId();
  const slot = slotClasses<PatientListSlot>('PatientList', { classNames, unstyled });
  const rows = state.patients;
  const { scrollRef, virtualizer, items, navigation, choose } = useVirtualRows({
    rows,
    height,
    rowHeight,
    onSelect,
    loadMore: state.loadMore,
  });

  const sortLabels: Record<PatientSort, string> = {
    name: messages.sortNameAscending,
    '-name': messages.sortNameDescending,
    birthDate: messages.sortBirthDateAscending,
    '-birthDate': messages.sortBirthDateDescending,
  };
  const ariaSort = (column: 'name' | 'birthDate') =>
    state.sort === column ? 'ascending' : state.sort === `-${column}` ? 'descending' : undefined;
  const toggleSort = (column: 'name' | 'birthDate') => state.setSort(state.sort === column ? (`-${column}` as PatientSort) : column);

  let statusText = '';
  if (state.status === 'loading') statusText = messages.loading;
  else if (state.status === 'ready') {
    statusText = formatMessage(messages.count, { shown: formatNumber(rows.length, locale), total: formatNumber(state.total, locale) });
    if (state.isLoadingMore) statusText += ` ${messages.loadingMore}`;
  }

  return (
    <WidgetRoot
      widget="PatientList"
      theme={theme}
      className={[className, classNames?.root].filter(Boolean).join(' ') || undefined}
      unstyled={unstyled}
      labelledBy={titleId}
      state={{ status: state.status, fetching: state.isFetching, stale: state.isStale, sort: state.sort }}
    >
      <div className={slot('header')}>
        <h2 id={titleId} className={slot('title')}>
          {title ?? messages.title}
        </h2>
        <div className={slot('search')}>
          <label htmlFor={searchId}>{messages.searchLabel}</label>
          <input
            id={searchId}
            type="search"
            value={state.query}
            placeholder={messages.searchPlaceholder}
            autoComplete="off"
            onChange={(event) => state.setQuery(event.target.value)}
          />
        </div>
        <div className={slot('sort')}>
          <label htmlFor={sortId}>{messages.sortLabel}</label>
          <select id={sortId} value={state.sort} onChange={(event) => state.setSort(event.target.value as PatientSort)}>
            {PATIENT_SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {sortLabels[sort]}
              </option>
            ))}
          </select>
        </div>
      </div>

      <p role="status" className={slot('status')}>
        {statusText}
      </p>
      {state.sortedAmongLoaded && state.status === 'ready' && (
        <p className="ck-PatientList-note">{formatMessage(messages.sortedAmongLoaded, { loaded: formatNumber(rows.length, locale) })}</p>
      )}

      {state.status === 'error' && (
        <ErrorState className={slot('error')} title={messages.loadError} error={state.error} onRetry={state.retry} />
      )}
      {state.status === 'empty' && (
        <EmptyState
          className={slot('empty')}
          title={state.searchedFor ? formatMessage(messages.emptySearch, { query: state.searchedFor }) : messages.empty}
        />
      )}

      {(state.status === 'ready' || state.status === 'loading') && (
        <>
          <p id={hintId} className="ck-visually-hidden">
            {messages.keyboardHint}
          </p>
          {/* The grid is its own scroll container; its rows are the only keyboard stops inside it. */}
          <div
            ref={scrollRef}
            role="grid"
            // Focusable by script only: the tab stop is the active row inside it.
            tabIndex={-1}
            className={slot('table')}
            aria-labelledby={titleId}
            aria-describedby={hintId}
            aria-rowcount={state.status === 'ready' ? state.total + 1 : -1}
            aria-busy={state.status === 'loading' || state.isLoadingMore}
            style={{ height, overflowY: 'auto', position: 'relative' }}
            onKeyDown={navigation.onKeyDown}
            onClick={(event) => {
              const row = (event.target as HTMLElement).closest<HTMLElement>('[role="row"][data-index]');
              if (!row) return;
              const index = Number(row.dataset.index);
              navigation.setActiveIndex(index);
              choose(index);
            }}
          >
            <div
              role="rowgroup"
              className="ck-PatientList-head"
              style={{ position: 'sticky', top: 0, zIndex: 1, height: GRID_HEADER_HEIGHT }}
            >
              <div role="row" aria-rowindex={1} className="ck-PatientList-cells" style={{ height: GRID_HEADER_HEIGHT }}>
                <SortHeader label={messages.columnName} sort={ariaSort('name')} onSort={() => toggleSort('name')} />
                <SortHeader label={messages.columnBirthDate} sort={ariaSort('birthDate')} onSort={() => toggleSort('birthDate')} />
                <div role="columnheader">{messages.columnGender}</div>
                <div role="columnheader">{messages.columnContact}</div>
              </div>
            </div>
            {state.status === 'loading' ? (
              <Skeleton lines={5} className="ck-PatientList-skeleton" />
            ) : (
              <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
                {items.map((item) => {
                  const patient = rows[item.index] as PatientSummary;
                  const style: CSSProperties = {
                    position: 'absolute',
                    top: 0,
                    left: 0,
                    width: '100%',
                    height: rowHeight,
                    transform: `translateY(${item.start - GRID_HEADER_HEIGHT}px)`,
                  };
                  return (
                    <div
                      key={item.key}
                      role="row"
                      aria-rowindex={item.index + 2}
                      aria-selected={selectedPatientId === undefined ? undefined : patient.id === selectedPatientId}
                      data-index={item.index}
                      tabIndex={item.index === navigation.activeIndex ? 0 : -1}
                      className={slot('row', 'ck-PatientList-cells')}
                      style={style}
                      data-active={item.index === navigation.activeIndex || undefined}
                    >
                      <div role="rowheader">{patient.fullName}</div>
                      <div role="gridcell">{formatDate(patient.birthDate, locale)}</div>
                      <div role="gridcell">{genderLabel(patient.gender, messages)}</div>
                      <div role="gridcell">{patient.email ?? patient.phone ?? ''}</div>
                    </div>
                  );
                })}
              </div>
            )}
          </div>
          {state.moreError && <ErrorState title={messages.loadMoreError} error={state.moreError} onRetry={state.retryMore} />}
        </>
      )}
    </WidgetRoot>
  );
}

function SortHeader({
  label,
  sort,
  onSort,
}: {
  label: string;
  sort: 'ascending' | 'descending' | undefined;
  onSort: () => void;
}): ReactNode {
  return (
    <div role="columnheader" aria-sort={sort}>
      {/* A pointer shortcut: keyboard users sort with the "Sort by" control, and the grid keeps one tab stop. */}
      <Button variant="ghost" unstyled className="ck-PatientList-sortButton" tabIndex={-1} onClick={onSort}>
        {label}
        <span aria-hidden="true" className="ck-PatientList-sortMark">
          {sort === 'ascending' ? ' ▲' : sort === 'descending' ? ' ▼' : ''}
        </span>
      </Button>
    </div>
  );
}

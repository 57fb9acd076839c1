'use client';
import { useId, type CSSProperties, type ReactNode } from 'react';
import { GRID_HEADER_HEIGHT, useVirtualRows } from '../../../components/PatientList/useVirtualRows.ts';
import { formatDate, formatNumber } from '../../../i18n/format.ts';
import { formatMessage } from '../../../i18n/messages.ts';
import { useWidgetMessages } from '../../../i18n/widget-messages.ts';
import { useLocale } from '../../../provider/context.ts';
import { slotClasses, type StylingProps } from '../../../ui/slots.ts';
import { EmptyState, ErrorState, Skeleton } from '../../../ui/States/States.tsx';
import type { WidgetTheme } from '../../../ui/theme/theme.ts';
import { WidgetRoot } from '../../../ui/WidgetRoot/WidgetRoot.tsx';
import type { ClinikoPatient } from '../../types.ts';
import { ClinikoWidgetProvider } from '../ClinikoWidgetProvider.tsx';
import { clinikoPatientSearchMessages } from './messages.ts';
import { useClinikoPatientSearch, type PatientSearchBy, type UseClinikoPatientSearchOptions } from './useClinikoPatientSearch.ts';

/** The inner parts of a ClinikoPatientSearch that `classNames` can style. */
export type ClinikoPatientSearchSlot = 'header' | 'title' | 'search' | 'table' | 'row' | 'status';

export interface ClinikoPatientSearchProps extends UseClinikoPatientSearchOptions, StylingProps<ClinikoPatientSearchSlot> {
  /** Your backend's Cliniko proxy mount, e.g. `/api/cliniko`. Optional inside a `ClinikoProvider`. */
  readonly proxyUrl?: string;
  /** Called when a patient is chosen: click, or Enter/Space on the focused row. */
  readonly onSelect?: (patient: ClinikoPatient) => void;
  /** The patient currently open, marked selected. */
  readonly selectedPatientId?: string;
  /** Heading. Default: the `clinikoPatientSearch.title` message. */
  readonly title?: ReactNode;
  /** Color theme. Default `light`. */
  readonly theme?: WidgetTheme;
  /** Height of the scrolling list in pixels. Default 400. */
  readonly height?: number;
  /** Height of one row in pixels. Default 44. */
  readonly rowHeight?: number;
}

// Its grid is PatientList's (`useVirtualRows`) and is drawn by PatientList's rules (`ck-PatientList-*`): one look, one copy.
/**
 * Cliniko patients found by name, email or date of birth, loaded page by page as the list scrolls (following the
 * proxy's links) and virtualised; a keyboard grid with one tab stop. Works alone with `proxyUrl` or in a provider.
 */
export function ClinikoPatientSearch({ proxyUrl, ...props }: ClinikoPatientSearchProps): ReactNode {
  return (
    <ClinikoWidgetProvider proxyUrl={proxyUrl}>
      <PatientSearchView {...props} />
    </ClinikoWidgetProvider>
  );
}

function PatientSearchView(props: Omit<ClinikoPatientSearchProps, 'proxyUrl'>): ReactNode {
  const { onSelect, selectedPatientId, title, theme, className, classNames, unstyled, height = 400, rowHeight = 44, ...options } = props;
  const messages = useWidgetMessages('clinikoPatientSearch', clinikoPatientSearchMessages);
  const locale = useLocale();
  const state = useClinikoPatientSearch(options);
  const titleId = useId();
  const byId = useId();
  const searchId = useId();
  const hintId = useId();
  const slot = slotClasses<ClinikoPatientSearchSlot>('ClinikoPatientSearch', { classNames, unstyled });
  const rows = state.patients;
  const { scrollRef, virtualizer, items, navigation, choose } = useVirtualRows({
    rows,
    height,
    rowHeight,
    onSelect,
    loadMore: state.loadMore,
  });

  const labels: Record<PatientSearchBy, [string, string]> = {
    name: [messages.byName, messages.searchName],
    email: [messages.byEmail, messages.searchEmail],
    dateOfBirth: [messages.byDateOfBirth, messages.searchDateOfBirth],
  };
  let status = '';
  if (state.status === 'loading') status = messages.loading;
  else if (state.status === 'ready') {
    status = formatMessage(messages.count, { shown: formatNumber(rows.length, locale), total: formatNumber(state.total, locale) });
    if (state.isLoadingMore) status += ` ${messages.loadingMore}`;
  }

  return (
    <WidgetRoot
      widget="ClinikoPatientSearch"
      theme={theme}
      className={className}
      unstyled={unstyled}
      labelledBy={titleId}
      state={{ status: state.status, by: state.by, stale: state.isStale }}
    >
      <div className={slot('header')}>
        <h2 id={titleId} className={slot('title')}>
          {title ?? messages.title}
        </h2>
        <div className={slot('search', 'ck-PatientList-search')}>
          <label htmlFor={byId}>{messages.searchBy}</label>
          <select id={byId} value={state.by} onChange={(event) => state.setBy(event.target.value as PatientSearchBy)}>
            {(Object.keys(labels) as PatientSearchBy[]).map((by) => (
              <option key={by} value={by}>
                {labels[by][0]}
              </option>
            ))}
          </select>
          <label htmlFor={searchId}>{labels[state.by][1]}</label>
          <input
            id={searchId}
            type={state.by === 'dateOfBirth' ? 'date' : state.by === 'email' ? 'email' : 'search'}
            autoComplete="off"
            value={state.query}
            onChange={(event) => state.setQuery(event.target.value)}
          />
        </div>
      </div>
      <p role="status" className={slot('status', 'ck-PatientList-status')}>
        {status}
      </p>
      {state.status === 'error' && <ErrorState title={messages.loadError} error={state.error} onRetry={state.retry} />}
      {state.status === 'empty' && (
        <EmptyState title={state.searchedFor ? formatMessage(messages.emptySearch, { query: state.searchedFor }) : messages.empty} />
      )}
      {(state.status === 'ready' || state.status === 'loading') && (
        <>
          <p id={hintId} className="ck-visually-hidden">
            {messages.keyboardHint}
          </p>
          <div
            ref={scrollRef}
            role="grid"
            tabIndex={-1}
            className={slot('table', 'ck-PatientList-table')}
            aria-labelledby={titleId}
            aria-describedby={hintId}
            aria-rowcount={state.status === 'ready' ? state.total + 1 : -1}
            aria-busy={state.status === 'loading' || state.isLoadingMore}
            style={{ height, overflowY: 'auto', position: 'relative' }}
            onKeyDown={navigation.onKeyDown}
            onClick={(event) => {
              const row = (event.target as HTMLElement).closest<HTMLElement>('[role="row"][data-index]');
              if (!row) return;
              navigation.setActiveIndex(Number(row.dataset.index));
              choose(Number(row.dataset.index));
            }}
          >
            <div
              role="rowgroup"
              className="ck-PatientList-head"
              style={{ position: 'sticky', top: 0, zIndex: 1, height: GRID_HEADER_HEIGHT }}
            >
              <div role="row" aria-rowindex={1} className="ck-PatientList-cells" style={{ height: GRID_HEADER_HEIGHT }}>
                <div role="columnheader">{messages.columnName}</div>
                <div role="columnheader">{messages.columnDateOfBirth}</div>
                <div role="columnheader">{messages.columnEmail}</div>
                <div role="columnheader">{messages.columnPhone}</div>
              </div>
            </div>
            {state.status === 'loading' ? (
              <Skeleton lines={5} />
            ) : (
              <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
                {items.map((item) => {
                  const patient = rows[item.index] as ClinikoPatient;
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
                      className={slot('row', 'ck-PatientList-cells ck-PatientList-row')}
                      style={style}
                    >
                      <div role="rowheader">{patient.label}</div>
                      <div role="gridcell">{formatDate(patient.date_of_birth ?? undefined, locale)}</div>
                      <div role="gridcell">{patient.email}</div>
                      <div role="gridcell">{patient.patient_phone_numbers[0]?.number ?? ''}</div>
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

'use client';
/**
 * The "already on record" part of a widget: a titled section that shows the patient's existing records of its kind,
 * or, while there are none to show, why — loading, failed (with retry), or nothing recorded yet. Every form widget
 * shows one, so a clinician sees what is there before adding.
 */
import { useId, type ReactNode } from 'react';
import type { ClinikApiError } from '../../client/errors.ts';
import { EmptyState, ErrorState, ForbiddenState, Skeleton } from './States.tsx';

/** `forbidden`: the user may not read these records (known up front, or from a 403) — terminal, nothing to retry. */
export type RecordsStatus = 'loading' | 'error' | 'forbidden' | 'empty' | 'ready';

/** What a widget's headless hook says about its records. */
export interface RecordsState {
  readonly recordsStatus: RecordsStatus;
  readonly recordsError: ClinikApiError | null;
  readonly retryRecords: () => void;
}

/** The part of a records query (react-query's result) the section needs. */
interface RecordsQuery {
  readonly isPending: boolean;
  readonly isError: boolean;
  readonly error: ClinikApiError | null;
  refetch(): Promise<unknown>;
}

/**
 * A records query seen as the section shows it: `empty` when it succeeded with nothing to list (`count`),
 * `forbidden` when `readable` is false (the user's access says so; the query is then not even sent) or it was
 * refused with 403.
 */
export function recordsStateOf(query: RecordsQuery, count: number, readable?: boolean): RecordsState {
  let recordsStatus: RecordsStatus = count === 0 ? 'empty' : 'ready';
  if (readable === false || query.error?.status === 403) recordsStatus = 'forbidden';
  else if (query.isPending) recordsStatus = 'loading';
  else if (query.isError) recordsStatus = 'error';
  return { recordsStatus, recordsError: query.error, retryRecords: () => void query.refetch() };
}

export interface RecordsSectionMessages {
  readonly listTitle: string;
  readonly loading: string;
  readonly loadError: string;
  readonly empty: string;
  readonly emptyHint: string;
}

export interface RecordsSectionProps {
  readonly state: RecordsState;
  readonly messages: RecordsSectionMessages;
  /** The records, shown once there are some. */
  readonly children: ReactNode;
  /** Shown under the records whatever their status, e.g. a disclosure with past ones. */
  readonly footer?: ReactNode;
}

export function RecordsSection({ state, messages, children, footer }: RecordsSectionProps): ReactNode {
  const headingId = useId();
  const status = state.recordsStatus;
  return (
    <section aria-labelledby={headingId} aria-busy={status === 'loading'}>
      <h3 id={headingId}>{messages.listTitle}</h3>
      {status === 'loading' && (
        <>
          <p className="ck-visually-hidden">{messages.loading}</p>
          <Skeleton lines={2} />
        </>
      )}
      {status === 'error' && <ErrorState title={messages.loadError} error={state.recordsError} onRetry={state.retryRecords} />}
      {status === 'forbidden' && <ForbiddenState />}
      {status === 'empty' && <EmptyState title={messages.empty} description={messages.emptyHint} />}
      {status === 'ready' && children}
      {footer}
    </section>
  );
}

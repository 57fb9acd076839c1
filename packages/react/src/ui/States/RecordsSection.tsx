'use client';
/**
 * The "already on record" part of a widget: a titled section that shows the patient's existing records of its kind,
 * or, while there are none to show, why — loading, failed (with retry), or nothing recorded yet. Every form widget
 * shows one, so a clinician sees what is there before adding.
 */
import { useId, type ReactNode } from 'react';
import type { RecordsState } from '../../headless/records-state.ts';
import { EmptyState, ErrorState, ForbiddenState, Skeleton } from './States.tsx';

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

'use client';
import type { ReactNode } from 'react';
import type { ClinikApiError } from '../../client/errors.ts';
import { useWidgetMessages } from '../../i18n/widget-messages.ts';
import { Button } from '../../ui/Button/Button.tsx';
import { EmptyState, ErrorState, ForbiddenState, Skeleton } from '../../ui/States/States.tsx';
import { patientRecordMessages } from './messages.ts';
import type { LinkedRecordsStatus } from './useLinkedRecords.ts';

export interface RecordStateProps {
  readonly status: LinkedRecordsStatus;
  readonly error: ClinikApiError | null;
  readonly onRetry: () => void;
  /** Said to screen readers while loading, e.g. "Loading medications…". */
  readonly loading: string;
  /** What failed, e.g. "Medications could not be loaded." */
  readonly errorTitle: string;
  readonly empty: ReactNode;
  readonly emptyHint?: ReactNode;
  /** Skeleton lines while loading. Default 3. */
  readonly lines?: number;
  /** What to show once records are there. */
  readonly children: () => ReactNode;
}

/** One section's loading, syncing, error and empty states, so each part of a record fails or waits on its own. */
export function RecordState(props: RecordStateProps): ReactNode {
  const { status, error, onRetry, loading, errorTitle, empty, emptyHint, lines = 3, children } = props;
  const messages = useWidgetMessages('patientRecord', patientRecordMessages);
  if (status === 'loading') {
    return (
      <>
        <p className="ck-visually-hidden">{loading}</p>
        <Skeleton lines={lines} />
      </>
    );
  }
  if (status === 'error') return <ErrorState title={errorTitle} error={error} onRetry={onRetry} />;
  if (status === 'forbidden') return <ForbiddenState />;
  if (status === 'syncing') {
    return (
      <div className="ck-RecordState-syncing">
        <p>{messages.syncing}</p>
        <Button variant="ghost" onClick={onRetry}>
          {messages.refresh}
        </Button>
      </div>
    );
  }
  if (status === 'empty') return <EmptyState title={empty} description={emptyHint} />;
  return children();
}

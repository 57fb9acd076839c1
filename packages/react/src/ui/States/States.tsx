'use client';
import type { ReactNode } from 'react';
import { accessMessages } from '../../access/messages.ts';
import type { ClinikApiError } from '../../client/errors.ts';
import { errorMessage } from '../../i18n/error-message.ts';
import { formatMessage } from '../../i18n/messages.ts';
import { useWidgetMessages } from '../../i18n/widget-messages.ts';
import { useMessages } from '../../provider/context.ts';
import { cx } from '../../styles/class-names.ts';
import { Button } from '../Button/Button.tsx';

/** Placeholder lines while a section loads. Hidden from assistive tech: the section says "loading" in words. */
export function Skeleton({ lines = 3, className }: { readonly lines?: number; readonly className?: string }): ReactNode {
  return (
    <div className={cx('ck-Skeleton', className)} aria-hidden="true">
      {Array.from({ length: lines }, (_, index) => (
        <span key={index} className="ck-Skeleton-line" />
      ))}
    </div>
  );
}

export interface EmptyStateProps {
  readonly title: ReactNode;
  readonly description?: ReactNode;
  /** A call to action, e.g. a button that opens the form. */
  readonly action?: ReactNode;
  readonly className?: string;
}

/** Nothing to show yet — with what to do about it. */
export function EmptyState({ title, description, action, className }: EmptyStateProps): ReactNode {
  return (
    <div className={cx('ck-EmptyState', className)}>
      <p className="ck-EmptyState-title">{title}</p>
      {description && <p className="ck-EmptyState-description">{description}</p>}
      {action}
    </div>
  );
}

export interface ErrorStateProps {
  /** What failed, e.g. "Vitals could not be loaded." */
  readonly title: ReactNode;
  readonly error: ClinikApiError | null | undefined;
  /** Offers "Try again" when given — except for a 403, which trying again cannot change. */
  readonly onRetry?: () => void;
  /** Whether the failure was reading or writing: a 403 says which the user may not do. Default `read`. */
  readonly action?: 'read' | 'write';
  readonly className?: string;
}

/**
 * A failure with a human explanation, the request id for support, and a retry. A 403 is terminal: it says the user
 * may not see (or change) this, in its own words for reading and for writing, and offers no retry.
 */
export function ErrorState({ title, error, onRetry, action = 'read', className }: ErrorStateProps): ReactNode {
  const messages = useMessages();
  const access = useWidgetMessages('access', accessMessages);
  const forbidden = error?.status === 403;
  const explanation = forbidden ? (action === 'write' ? access.writeForbidden : access.readForbidden) : errorMessage(error, messages);
  return (
    <div role="alert" className={cx('ck-ErrorState', className)} data-forbidden={forbidden || undefined}>
      <p className="ck-ErrorState-title">
        {title} {explanation}
      </p>
      {error?.requestId && (
        <p className="ck-ErrorState-reference">{formatMessage(messages.common.requestId, { requestId: error.requestId })}</p>
      )}
      {onRetry && !forbidden && (
        <Button variant="secondary" onClick={onRetry}>
          {messages.common.retry}
        </Button>
      )}
    </div>
  );
}

/** In place of records the user may not read: a terminal note, not an error to retry. */
export function ForbiddenState({ className }: { readonly className?: string }): ReactNode {
  const access = useWidgetMessages('access', accessMessages);
  return <p className={cx('ck-ForbiddenState', className)}>{access.sectionForbidden}</p>;
}

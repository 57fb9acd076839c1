'use client';
import type { ReactNode } from 'react';
import type { ClinikApiError } from '../../client/errors.ts';
import { errorMessage } from '../../i18n/error-message.ts';
import { formatMessage } from '../../i18n/messages.ts';
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
  /** Offers "Try again" when given. */
  readonly onRetry?: () => void;
  readonly className?: string;
}

/** A failure with a human explanation, the request id for support, and a retry. */
export function ErrorState({ title, error, onRetry, className }: ErrorStateProps): ReactNode {
  const messages = useMessages();
  return (
    <div role="alert" className={cx('ck-ErrorState', className)}>
      <p className="ck-ErrorState-title">
        {title} {errorMessage(error, messages)}
      </p>
      {error?.requestId && (
        <p className="ck-ErrorState-reference">{formatMessage(messages.common.requestId, { requestId: error.requestId })}</p>
      )}
      {onRetry && (
        <Button variant="secondary" onClick={onRetry}>
          {messages.common.retry}
        </Button>
      )}
    </div>
  );
}

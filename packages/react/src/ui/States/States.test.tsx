import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ClinikApiError, ClinikNetworkError } from '../../client/errors.ts';
import { expectNoAxeViolations } from '../../test/axe.ts';
import { renderWithClient } from '../../test/render.tsx';
import { Notice } from '../Notice/Notice.tsx';
import { EmptyState, ErrorState, Skeleton } from './States.tsx';

describe('state primitives', () => {
  it('ErrorState explains the failure, gives the reference and retries', async () => {
    const onRetry = vi.fn();
    const error = new ClinikApiError({ status: 503, code: 'INTERNAL_ERROR', message: 'boom', requestId: 'req_abc' });
    const { container } = renderWithClient(<ErrorState title="Vitals could not be loaded." error={error} onRetry={onRetry} />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Vitals could not be loaded. Something went wrong on the server.');
    expect(alert).toHaveTextContent('Reference: req_abc');
    expect(alert).not.toHaveTextContent('boom');
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledOnce();
    await expectNoAxeViolations(container);
  });

  it('ErrorState tells a network failure apart and offers no retry without a handler', () => {
    renderWithClient(<ErrorState title="Could not save." error={new ClinikNetworkError('offline')} />);
    expect(screen.getByRole('alert')).toHaveTextContent('could not be reached');
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('EmptyState carries a call to action; Skeleton is hidden from assistive tech', async () => {
    const { container } = renderWithClient(
      <>
        <EmptyState title="No vitals recorded yet." action={<button type="button">Record vitals</button>} />
        <Skeleton lines={4} />
      </>,
    );
    expect(screen.getByText('No vitals recorded yet.')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Record vitals' })).toBeVisible();
    expect(container.querySelector('.ck-Skeleton')).toHaveAttribute('aria-hidden', 'true');
    expect(container.querySelectorAll('.ck-Skeleton-line')).toHaveLength(4);
    await expectNoAxeViolations(container);
  });

  it('Notice is a status for results and an alert for errors', () => {
    renderWithClient(
      <>
        <Notice tone="success">Saved.</Notice>
        <Notice tone="error">Not saved.</Notice>
      </>,
    );
    expect(screen.getByRole('status')).toHaveTextContent('Saved.');
    expect(screen.getByRole('alert')).toHaveTextContent('Not saved.');
  });
});

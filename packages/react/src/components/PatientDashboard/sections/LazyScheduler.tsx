'use client';
/**
 * The AppointmentScheduler, fetched only when someone asks to schedule from the dashboard (`appointments.create`, as
 * the dashboard's docs list): a dashboard that is only read never downloads the booking code.
 */
import { Component, lazy, Suspense, type ReactNode } from 'react';
import { Skeleton } from '../../../ui/States/States.tsx';
import type { WidgetTheme } from '../../../ui/theme/theme.ts';

const AppointmentScheduler = lazy(() =>
  import('../../AppointmentScheduler/AppointmentScheduler.tsx').then((module) => ({ default: module.AppointmentScheduler })),
);

class LoadBoundary extends Component<{ readonly fallback: ReactNode; readonly children: ReactNode }, { readonly failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

export interface LazySchedulerProps {
  readonly patientId: string;
  readonly theme: WidgetTheme | undefined;
  /** The clinic's IANA time zone for the scheduler. */
  readonly timeZone: string | undefined;
  readonly loadingLabel: string;
  readonly failedLabel: string;
}

export function LazyScheduler({ patientId, theme, timeZone, loadingLabel, failedLabel }: LazySchedulerProps): ReactNode {
  const loading = (
    <div aria-busy="true">
      <p className="ck-visually-hidden">{loadingLabel}</p>
      <Skeleton lines={4} />
    </div>
  );
  return (
    <LoadBoundary fallback={<p role="alert">{failedLabel}</p>}>
      <Suspense fallback={loading}>
        <AppointmentScheduler patientId={patientId} theme={theme} {...(timeZone ? { timeZone } : {})} />
      </Suspense>
    </LoadBoundary>
  );
}

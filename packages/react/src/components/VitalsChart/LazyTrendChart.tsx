'use client';
/**
 * Draws a trend chart with the `@clinikapi/react/charts` module, fetched the first time a chart is shown — never
 * during server rendering, and never at all in an app that does not chart. While it loads, a placeholder holds the
 * chart's place; if it cannot load, the table beside it already carries the readings.
 */
import { Component, lazy, Suspense, useSyncExternalStore, type ReactNode } from 'react';
import { Skeleton } from '../../ui/States/States.tsx';
import type { VitalsTrendChartProps } from '../../charts/VitalsTrendChart.tsx';

const VitalsTrendChart = lazy(() => import('../../charts/index.ts').then((module) => ({ default: module.VitalsTrendChart })));

const subscribe = () => () => undefined;

/** False on the server and during hydration, true in the browser after: charts are drawn only where they can be. */
function useIsClient(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}

class ChartBoundary extends Component<{ readonly fallback: ReactNode; readonly children: ReactNode }, { readonly failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

export interface LazyTrendChartProps extends VitalsTrendChartProps {
  /** Said while the chart module loads. */
  readonly loadingLabel: string;
  /** Shown if the chart module cannot load or draw. */
  readonly failedLabel: string;
}

export function LazyTrendChart({ loadingLabel, failedLabel, ...chart }: LazyTrendChartProps): ReactNode {
  const isClient = useIsClient();
  const placeholder = (
    <div className="ck-VitalsChart-placeholder" style={{ minHeight: chart.height ?? 180 }}>
      <span className="ck-visually-hidden">{loadingLabel}</span>
      <Skeleton lines={4} />
    </div>
  );
  if (!isClient) return placeholder;
  return (
    <ChartBoundary fallback={<p className="ck-VitalsChart-failed">{failedLabel}</p>}>
      <Suspense fallback={placeholder}>
        <VitalsTrendChart {...chart} />
      </Suspense>
    </ChartBoundary>
  );
}

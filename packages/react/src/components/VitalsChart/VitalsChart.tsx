'use client';
import { useId, type ReactNode } from 'react';
import { formatDate } from '../../i18n/format.ts';
import { formatMessage } from '../../i18n/messages.ts';
import { useWidgetMessages } from '../../i18n/widget-messages.ts';
import { useLocale } from '../../provider/context.ts';
import { slotClasses } from '../../ui/slots.ts';
import { WidgetProvider } from '../../ui/WidgetRoot/WidgetProvider.tsx';
import { WidgetRoot } from '../../ui/WidgetRoot/WidgetRoot.tsx';
import { Badge } from '../PatientRecord/Badge.tsx';
import { Heading, subLevel, type HeadingLevel } from '../PatientRecord/Heading.tsx';
import { RecordState } from '../PatientRecord/RecordState.tsx';
import type { ViewerProps } from '../PatientRecord/viewer-props.ts';
import { LazyTrendChart } from './LazyTrendChart.tsx';
import { vitalsChartMessages, type VitalsChartMessages } from './messages.ts';
import { useVitalsChart, type UseVitalsChartOptions } from './useVitalsChart.ts';
import { FLAG_MARKS, chartName, flagName, formatReading, seriesName, unitOf } from './vital-labels.ts';
import { isOutOfRange, type VitalChartGroup } from './vital-series.ts';
import { VitalsTable } from './VitalsTable.tsx';

/** The inner parts of a VitalsChart that `classNames` can style. */
export type VitalsChartSlot = 'header' | 'title' | 'charts' | 'chart' | 'latest' | 'table';

export interface VitalsChartProps extends ViewerProps<VitalsChartSlot>, Omit<UseVitalsChartOptions, 'patientId'> {
  /** Heading text. Default: the `vitalsChart.title` message. */
  readonly title?: ReactNode;
  /** Height of each chart in pixels. Default 180. */
  readonly chartHeight?: number;
}

/**
 * A patient's vital signs over time: one trend chart per vital with the reference range shaded and readings
 * outside it marked, and the same readings as tables (for screen readers always, on screen on request). The charts
 * come from `@clinikapi/react/charts` (recharts), loaded only when first drawn.
 */
export function VitalsChart({ proxyUrl, ...props }: VitalsChartProps): ReactNode {
  return (
    <WidgetProvider proxyUrl={proxyUrl}>
      <VitalsChartView {...props} />
    </WidgetProvider>
  );
}

function VitalsChartView(props: Omit<VitalsChartProps, 'proxyUrl'>): ReactNode {
  const { patientId, vitals, defaultShowTables, theme, className, classNames, unstyled, headingLevel = 2, title, chartHeight } = props;
  const messages = useWidgetMessages('vitalsChart', vitalsChartMessages);
  const state = useVitalsChart({ patientId, vitals, defaultShowTables });
  const titleId = useId();
  const toggleId = useId();
  const slot = slotClasses<VitalsChartSlot>('VitalsChart', { classNames, unstyled });

  return (
    <WidgetRoot
      widget="VitalsChart"
      theme={theme}
      className={className}
      unstyled={unstyled}
      labelledBy={titleId}
      state={{ status: state.status, tables: state.showTables, fetching: state.isFetching }}
    >
      <div className={slot('header', 'ck-Viewer-header')}>
        <Heading level={headingLevel} id={titleId} className={slot('title')}>
          {title ?? messages.title}
        </Heading>
        {state.status === 'ready' && (
          <label className="ck-VitalsChart-toggle" htmlFor={toggleId}>
            <input
              id={toggleId}
              type="checkbox"
              checked={state.showTables}
              onChange={(event) => state.setShowTables(event.target.checked)}
            />
            {messages.showTables}
          </label>
        )}
      </div>
      <div aria-busy={state.status === 'loading'}>
        <RecordState
          status={state.status}
          error={state.error}
          onRetry={state.retry}
          loading={messages.loading}
          errorTitle={messages.loadError}
          empty={messages.empty}
          emptyHint={messages.emptyHint}
        >
          {() => (
            <div className={slot('charts')}>
              {state.groups.map((group) => (
                <VitalFigure
                  key={group.id}
                  group={group}
                  messages={messages}
                  headingLevel={subLevel(headingLevel)}
                  showTable={state.showTables}
                  chartHeight={chartHeight}
                  slot={slot}
                />
              ))}
            </div>
          )}
        </RecordState>
      </div>
    </WidgetRoot>
  );
}

interface VitalFigureProps {
  readonly group: VitalChartGroup;
  readonly messages: VitalsChartMessages;
  readonly headingLevel: HeadingLevel;
  readonly showTable: boolean;
  readonly chartHeight: number | undefined;
  readonly slot: ReturnType<typeof slotClasses<VitalsChartSlot>>;
}

function VitalFigure({ group, messages, headingLevel, showTable, chartHeight, slot }: VitalFigureProps): ReactNode {
  const locale = useLocale();
  const headingId = useId();
  const unit = unitOf(group.id, messages);
  const latest = group.series.map((series) => group.latest[series.key]);
  const latestText = `${latest.map((point, index) => (point ? formatReading(group.series[index]?.key ?? 'heartRate', point.value, locale) : '–')).join('/')} ${unit}`;
  const latestFlags = group.series.flatMap((series) => {
    const flag = group.latest[series.key]?.flag;
    return flag && isOutOfRange(flag) ? [{ key: series.key, flag }] : [];
  });
  const points = group.series[0]?.points ?? [];
  const range = group.series[0]?.range;
  const rangeText = range ? formatMessage(messages.referenceRangeValue, { low: range.low, high: range.high, unit }, locale) : undefined;
  const summary = [
    formatMessage(
      messages.summary,
      { count: points.length, from: formatDate(points[0]?.at, locale), to: formatDate(points.at(-1)?.at, locale), latest: latestText },
      locale,
    ),
    rangeText && `${messages.referenceRange}: ${rangeText}.`,
    group.outOfRange > 0 && formatMessage(messages.summaryOutOfRange, { count: group.outOfRange }, locale),
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <section
      className={slot('chart')}
      aria-labelledby={headingId}
      data-vital={group.id}
      data-out-of-range={group.outOfRange > 0 || undefined}
    >
      <div className="ck-VitalsChart-figureHeader">
        <Heading level={headingLevel} id={headingId} className="ck-VitalsChart-name">
          {chartName(group.id, messages)}
        </Heading>
        <p className={slot('latest')}>
          <span className="ck-visually-hidden">{messages.latest}: </span>
          <strong>{latestText}</strong>
          {latestFlags.map(({ key, flag }) => (
            <Badge key={key} tone="danger">
              {group.series.length > 1 ? `${seriesName(key, messages)} ` : ''}
              {flagName(flag, messages)} {FLAG_MARKS[flag]}
            </Badge>
          ))}
        </p>
      </div>
      <p className="ck-visually-hidden">{summary}</p>
      <LazyTrendChart
        group={group}
        locale={locale}
        height={chartHeight}
        className="ck-VitalsChart-plot"
        labels={{
          unit,
          series: Object.fromEntries(group.series.map((series) => [series.key, seriesName(series.key, messages)])),
          flags: { HH: messages.flagHH, H: messages.flagH, N: messages.flagN, L: messages.flagL, LL: messages.flagLL },
        }}
        loadingLabel={messages.chartLoading}
        failedLabel={messages.chartFailed}
      />
      <p className="ck-VitalsChart-legend" aria-hidden="true">
        {rangeText && (
          <span className="ck-VitalsChart-legendRange">
            {messages.referenceRange} {rangeText}
          </span>
        )}
        {group.outOfRange > 0 && <span className="ck-VitalsChart-legendOut">{messages.outOfRange}</span>}
      </p>
      <VitalsTable group={group} messages={messages} visible={showTable} className={slot('table')} />
    </section>
  );
}

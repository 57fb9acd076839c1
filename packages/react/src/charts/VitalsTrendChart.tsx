'use client';
/**
 * One vital sign's trend, drawn with recharts: a line per series (systolic and diastolic share a chart), the
 * reference range shaded behind it, and every reading outside the range drawn as a larger triangle pointing the way
 * it is out — shape as well as colour, so the chart reads in greyscale too. The chart is a picture for sighted
 * readers (`aria-hidden`); VitalsChart puts the same readings in a table beside it.
 *
 * This module is the `@clinikapi/react/charts` entry's weight (recharts), loaded by VitalsChart only when a chart is
 * first drawn, so an app that never charts never downloads it.
 */
import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceArea, Tooltip, XAxis, YAxis, type DotItemDotProps } from 'recharts';
import type { VitalChartGroup, VitalFlag, VitalSignKey } from '../components/VitalsChart/vital-series.ts';

export interface VitalsTrendChartLabels {
  /** Each series' name, e.g. `{ systolic: 'Systolic', diastolic: 'Diastolic' }`. */
  readonly series: Readonly<Partial<Record<VitalSignKey, string>>>;
  /** The unit under the axis, e.g. `mmHg`. */
  readonly unit: string;
  /** Each flag's name for the tooltip, e.g. `{ H: 'High' }`. */
  readonly flags: Readonly<Partial<Record<VitalFlag, string>>>;
}

export interface VitalsTrendChartProps {
  readonly group: VitalChartGroup;
  readonly labels: VitalsTrendChartLabels;
  /** BCP 47 locale for dates and numbers. Default: the browser's. */
  readonly locale?: string | undefined;
  /** Height in pixels. Default 180. */
  readonly height?: number;
  readonly className?: string | undefined;
}

interface Row {
  readonly time: number;
  readonly [key: string]: number | string | undefined;
}

/** Fallback width where nothing can be measured (no layout, as in tests): the chart still draws. */
const UNMEASURED_WIDTH = 480;

function useWidth(): [RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement | null>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (!element) return undefined;
    const measure = () => setWidth(Math.round(element.getBoundingClientRect().width) || UNMEASURED_WIDTH);
    measure();
    if (typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

function rowsOf(group: VitalChartGroup): Row[] {
  const rows = new Map<number, Record<string, number | string | undefined>>();
  for (const series of group.series) {
    for (const point of series.points) {
      const row = rows.get(point.time) ?? { time: point.time };
      row[series.key] = point.value;
      row[`${series.key}Flag`] = point.flag;
      rows.set(point.time, row);
    }
  }
  return [...rows.values()].sort((a, b) => (a.time as number) - (b.time as number)) as Row[];
}

/** The value axis: every reading and the whole reference range, with a little air. */
function domainOf(group: VitalChartGroup): [number, number] {
  const values = group.series.flatMap((series) => [
    ...series.points.map((point) => point.value),
    ...(series.range ? [series.range.low, series.range.high] : []),
  ]);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const pad = Math.max((max - min) * 0.12, Math.abs(max) * 0.02, 1);
  return [Math.floor(min - pad), Math.ceil(max + pad)];
}

const OUT_LOW: readonly VitalFlag[] = ['L', 'LL'];
const OUT_HIGH: readonly VitalFlag[] = ['H', 'HH'];

function ReadingDot(props: DotItemDotProps & { readonly seriesIndex: number }): ReactNode {
  const { cx, cy, payload, dataKey, index, seriesIndex } = props;
  if (typeof cx !== 'number' || typeof cy !== 'number' || payload?.[String(dataKey)] === undefined) return <g key={index} />;
  const flag = payload[`${String(dataKey)}Flag`] as VitalFlag | undefined;
  if (flag && (OUT_HIGH.includes(flag) || OUT_LOW.includes(flag))) {
    const size = 7;
    const up = OUT_HIGH.includes(flag);
    const path = up
      ? `M${cx},${cy - size} L${cx + size},${cy + size * 0.8} L${cx - size},${cy + size * 0.8} Z`
      : `M${cx},${cy + size} L${cx + size},${cy - size * 0.8} L${cx - size},${cy - size * 0.8} Z`;
    return (
      <path
        key={index}
        d={path}
        className="ck-VitalsTrendChart-outOfRange"
        data-flag={flag}
        fill="#b91c1c"
        stroke="#ffffff"
        strokeWidth={1.5}
      />
    );
  }
  return (
    <circle
      key={index}
      cx={cx}
      cy={cy}
      r={3.5}
      className={`ck-VitalsTrendChart-dot ck-VitalsTrendChart-series-${seriesIndex}`}
      fill="#0f766e"
      stroke="#ffffff"
      strokeWidth={1}
    />
  );
}

export function VitalsTrendChart({ group, labels, locale, height = 180, className }: VitalsTrendChartProps): ReactNode {
  const [ref, width] = useWidth();
  const rows = rowsOf(group);
  const [low, high] = domainOf(group);
  const day = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric' });
  const full = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const ranges = group.series.flatMap((series) => (series.range ? [series.range] : []));

  return (
    <div ref={ref} className={className} aria-hidden="true" data-chart={group.id}>
      {width > 0 && (
        <LineChart width={width} height={height} data={rows} margin={{ top: 10, right: 12, bottom: 0, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid className="ck-VitalsTrendChart-grid" stroke="#e2e8f0" strokeDasharray="3 3" vertical={false} />
          {ranges.map((range, index) => (
            <ReferenceArea
              key={index}
              y1={range.low}
              y2={range.high}
              className="ck-VitalsTrendChart-range"
              fill="#16a34a"
              fillOpacity={0.1}
              stroke="none"
              ifOverflow="extendDomain"
            />
          ))}
          <XAxis
            dataKey="time"
            type="number"
            scale="time"
            domain={['dataMin', 'dataMax']}
            tickFormatter={(time: number) => day.format(time)}
            tick={{ fontSize: 11 }}
            minTickGap={24}
            padding={{ left: 12, right: 12 }}
          />
          <YAxis
            domain={[low, high]}
            tickFormatter={(value: number) => number.format(value)}
            tick={{ fontSize: 11 }}
            width={44}
            allowDecimals
          />
          <Tooltip
            isAnimationActive={false}
            labelFormatter={(time) => full.format(Number(time))}
            formatter={(value, name, item) => {
              const key = String(item.dataKey ?? '');
              const flag = item.payload?.[`${key}Flag`] as VitalFlag | undefined;
              const flagText = flag && flag !== 'N' ? ` (${labels.flags[flag] ?? flag})` : '';
              return [`${number.format(Number(value))} ${labels.unit}${flagText}`, name];
            }}
          />
          {group.series.map((series, index) => (
            <Line
              key={series.key}
              dataKey={series.key}
              name={labels.series[series.key] ?? series.key}
              type="monotone"
              className={`ck-VitalsTrendChart-line ck-VitalsTrendChart-series-${index}`}
              stroke={index === 0 ? '#0f766e' : '#6366f1'}
              strokeWidth={2}
              strokeDasharray={index === 0 ? undefined : '6 3'}
              connectNulls
              isAnimationActive={false}
              dot={(dot: DotItemDotProps) => <ReadingDot key={dot.index} {...dot} seriesIndex={index} />}
              activeDot={{ r: 5 }}
            />
          ))}
        </LineChart>
      )}
    </div>
  );
}

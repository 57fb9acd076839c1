'use client';
/** The readings behind one chart, as a table: the chart's equivalent for screen readers and keyboard users. */
import type { ReactNode } from 'react';
import { formatDateTime } from '../../i18n/format.ts';
import { formatMessage } from '../../i18n/messages.ts';
import { useLocale } from '../../provider/context.ts';
import type { VitalsChartMessages } from './messages.ts';
import { FLAG_MARKS, chartName, flagName, formatReading, seriesName, unitOf } from './vital-labels.ts';
import { isOutOfRange, type VitalChartGroup, type VitalFlag, type VitalPoint } from './vital-series.ts';

export interface VitalsTableProps {
  readonly group: VitalChartGroup;
  readonly messages: VitalsChartMessages;
  /** Shown on screen, or only to assistive tech. */
  readonly visible: boolean;
  readonly className: string | undefined;
}

export function VitalsTable({ group, messages, visible, className }: VitalsTableProps): ReactNode {
  const locale = useLocale();
  // One row per time: blood pressure's two readings share their row.
  const times = [...new Set(group.series.flatMap((series) => series.points.map((point) => point.time)))].sort((a, b) => b - a);
  const at = new Map(group.series.map((series) => [series.key, new Map(series.points.map((point) => [point.time, point]))]));
  const unit = unitOf(group.id, messages);
  return (
    <div className={visible ? 'ck-VitalsChart-tableWrap' : 'ck-visually-hidden'}>
      <table className={className}>
        <caption className={visible ? 'ck-visually-hidden' : undefined}>
          {formatMessage(messages.tableCaption, { vital: chartName(group.id, messages) })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{messages.columnDate}</th>
            {group.series.map((series) => (
              <th scope="col" key={series.key}>
                {group.series.length > 1 ? seriesName(series.key, messages) : chartName(group.id, messages)} ({unit})
              </th>
            ))}
            <th scope="col">{messages.columnFlag}</th>
          </tr>
        </thead>
        <tbody>
          {times.map((time) => {
            const points = group.series.map((series) => at.get(series.key)?.get(time));
            const first = points.find((point): point is VitalPoint => point !== undefined);
            const flags = group.series.flatMap((series, index) => {
              const flag = points[index]?.flag;
              return isOutOfRange(flag)
                ? [flagText(flag as VitalFlag, group.series.length > 1 ? seriesName(series.key, messages) : undefined, messages)]
                : [];
            });
            return (
              <tr key={time} data-out-of-range={flags.length > 0 || undefined}>
                <th scope="row">
                  <time dateTime={first?.at}>{formatDateTime(first?.at, locale)}</time>
                </th>
                {group.series.map((series, index) => {
                  const point = points[index];
                  return <td key={series.key}>{point ? formatReading(series.key, point.value, locale) : ''}</td>;
                })}
                <td>{flags.join(', ')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function flagText(flag: VitalFlag, series: string | undefined, messages: VitalsChartMessages): string {
  const text = `${flagName(flag, messages)} ${FLAG_MARKS[flag]}`.trim();
  return series ? `${series}: ${text}` : text;
}

'use client';
/** The newest reading of each vital, flagged, with the full trend charts (and their lazy chart code) one click away. */
import { useId, useState, type ReactNode } from 'react';
import { formatDate } from '../../../i18n/format.ts';
import { formatMessage } from '../../../i18n/messages.ts';
import { useWidgetMessages } from '../../../i18n/widget-messages.ts';
import { useLocale } from '../../../provider/context.ts';
import { Button } from '../../../ui/Button/Button.tsx';
import type { WidgetTheme } from '../../../ui/theme/theme.ts';
import { Badge } from '../../PatientRecord/Badge.tsx';
import { subLevel, type HeadingLevel } from '../../PatientRecord/Heading.tsx';
import { useLinkedRecords } from '../../PatientRecord/useLinkedRecords.ts';
import { vitalsChartMessages } from '../../VitalsChart/messages.ts';
import { FLAG_MARKS, chartName, flagName, formatReading, seriesName, unitOf } from '../../VitalsChart/vital-labels.ts';
import { isOutOfRange, vitalChartGroups, type VitalPoint } from '../../VitalsChart/vital-series.ts';
import { VitalsChart } from '../../VitalsChart/VitalsChart.tsx';
import type { PatientDashboardMessages } from '../messages.ts';
import { DashboardSection } from './DashboardSection.tsx';

export interface LatestVitalsProps {
  readonly patientId: string;
  readonly level: HeadingLevel;
  readonly messages: PatientDashboardMessages;
  readonly theme: WidgetTheme | undefined;
}

export function LatestVitals({ patientId, level, messages, theme }: LatestVitalsProps): ReactNode {
  const locale = useLocale();
  const vitalsText = useWidgetMessages('vitalsChart', vitalsChartMessages);
  const observations = useLinkedRecords('observations', patientId);
  const [showTrends, setShowTrends] = useState(false);
  const trendsId = useId();
  const groups = vitalChartGroups(observations.records);
  const status = observations.status === 'ready' && groups.length === 0 ? 'empty' : observations.status;

  return (
    <DashboardSection
      name="vitals"
      title={messages.vitals}
      level={level}
      status={status}
      error={observations.error}
      onRetry={observations.retry}
      loading={messages.vitalsLoading}
      errorTitle={messages.vitalsError}
      empty={messages.noVitals}
      actions={
        status === 'ready' && (
          <Button variant="ghost" aria-expanded={showTrends} aria-controls={trendsId} onClick={() => setShowTrends(!showTrends)}>
            {showTrends ? messages.hideTrends : messages.showTrends}
          </Button>
        )
      }
    >
      {() => (
        <>
          <ul className="ck-PatientDashboard-vitals">
            {groups.map((group) => {
              const latest = group.series
                .map((series) => group.latest[series.key])
                .filter((point): point is VitalPoint => point !== undefined);
              const value = group.series.map((series) => {
                const point = group.latest[series.key];
                return point ? formatReading(series.key, point.value, locale) : '–';
              });
              const flags = group.series.flatMap((series) => {
                const flag = group.latest[series.key]?.flag;
                return flag && isOutOfRange(flag)
                  ? [
                      `${group.series.length > 1 ? `${seriesName(series.key, vitalsText)} ` : ''}${flagName(flag, vitalsText)} ${FLAG_MARKS[flag]}`,
                    ]
                  : [];
              });
              const newest = latest.reduce<VitalPoint | undefined>(
                (found, point) => (!found || point.time > found.time ? point : found),
                undefined,
              );
              return (
                <li key={group.id} data-vital={group.id} data-out-of-range={flags.length > 0 || undefined}>
                  <span className="ck-PatientDashboard-vitalName">{chartName(group.id, vitalsText)}</span>
                  <span className="ck-PatientDashboard-vitalValue">
                    {value.join('/')} <span className="ck-PatientDashboard-vitalUnit">{unitOf(group.id, vitalsText)}</span>
                  </span>
                  {flags.map((flag) => (
                    <Badge key={flag} tone="danger">
                      {flag}
                    </Badge>
                  ))}
                  {newest && (
                    <span className="ck-RecordList-meta">{formatMessage(messages.takenOn, { date: formatDate(newest.at, locale) })}</span>
                  )}
                </li>
              );
            })}
          </ul>
          <div id={trendsId} hidden={!showTrends}>
            {showTrends && <VitalsChart patientId={patientId} headingLevel={subLevel(level)} theme={theme} />}
          </div>
        </>
      )}
    </DashboardSection>
  );
}

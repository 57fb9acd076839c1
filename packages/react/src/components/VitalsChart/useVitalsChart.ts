'use client';
/**
 * The headless VitalsChart: a patient's vital-sign observations as one series per vital (blood pressure's two as a
 * pair), each point flagged against its reference range. Draw them with `VitalsTrendChart` from
 * `@clinikapi/react/charts`, with a chart library of your own, or as tables.
 */
import type { Observation } from '@clinikapi/core';
import { useState } from 'react';
import { useLinkedRecords, type LinkedRecords } from '../PatientRecord/useLinkedRecords.ts';
import { vitalChartGroups, type VitalChartGroup, type VitalChartId } from './vital-series.ts';
import type { ViewerHookOptions } from '../../headless/widget-hook-options.ts';

export interface UseVitalsChartOptions extends ViewerHookOptions {
  /** The charts to show, in this order. Default: every vital with readings. */
  readonly vitals?: readonly VitalChartId[] | undefined;
  /** Show the readings as visible tables from the start. Default false (the tables are still there for screen readers). */
  readonly defaultShowTables?: boolean | undefined;
}

export interface VitalsChartState extends Omit<LinkedRecords<Observation>, 'records'> {
  readonly groups: readonly VitalChartGroup[];
  readonly showTables: boolean;
  readonly setShowTables: (show: boolean) => void;
}

export function useVitalsChart(options: UseVitalsChartOptions): VitalsChartState {
  const { patientId, vitals } = options;
  const [showTables, setShowTables] = useState(options.defaultShowTables ?? false);
  const { records, status, ...source } = useLinkedRecords('observations', patientId, { sort: '-date' });
  const all = vitalChartGroups(records);
  const groups = vitals ? vitals.flatMap((id) => all.filter((group) => group.id === id)) : all;
  return {
    ...source,
    // Observations that are all labs are no vitals: the chart is empty, not "ready" with nothing in it.
    status: status === 'ready' && groups.length === 0 ? 'empty' : status,
    groups,
    showTables,
    setShowTables,
  };
}

export { VitalsChart, type VitalsChartProps, type VitalsChartSlot } from './VitalsChart.tsx';
export { useVitalsChart, type UseVitalsChartOptions, type VitalsChartState } from './useVitalsChart.ts';
export {
  VITAL_CHART_ORDER,
  vitalChartGroups,
  type VitalChartGroup,
  type VitalChartId,
  type VitalFlag,
  type VitalPoint,
  type VitalSeries,
  type VitalSignKey,
} from './vital-series.ts';
export { vitalsChartMessages, type VitalsChartMessages } from './messages.ts';

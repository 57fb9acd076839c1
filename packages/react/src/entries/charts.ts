/**
 * `@clinikapi/react/charts`: the chart drawing that needs recharts, kept out of the package root so an app that
 * never charts never bundles it. VitalsChart loads this lazily on its own; import it directly to draw vital-sign
 * trends in a layout of your own from `useVitalsChart()`'s groups.
 */
export { VitalsTrendChart, type VitalsTrendChartLabels, type VitalsTrendChartProps } from '../charts/index.ts';
// What `useVitalsChart()` answers and the chart draws: the same names the package root exports.
export type {
  VitalChartGroup,
  VitalChartId,
  VitalFlag,
  VitalPoint,
  VitalSeries,
  VitalSignKey,
} from '../components/VitalsChart/vital-series.ts';
export type { VitalSign } from '../codes/vitals.ts';

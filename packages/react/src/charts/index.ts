export { VitalsTrendChart, type VitalsTrendChartLabels, type VitalsTrendChartProps } from './VitalsTrendChart.tsx';

export { LabResults, type LabResultsProps, type LabResultsSlot } from './LabResults.tsx';
export { useLabResults, type LabReportItem, type LabResultItem, type LabResultsState, type UseLabResultsOptions } from './useLabResults.ts';
export { flagOf, type LabFlag } from './lab-flags.ts';
export { labResultsMessages, type LabResultsMessages } from './messages.ts';

export { LabResultsWidget, type LabResultsWidgetProps } from './LabResultsWidget.tsx';
export type { LabResultsWidgetSlot } from './slots.ts';
export {
  EMPTY_LAB_FORM,
  LAB_FORM_CATEGORIES,
  LAB_FORM_STATUSES,
  useLabResultsWidget,
  type LabFormValues,
  type LabResultsWidgetState,
  type UseLabResultsWidgetOptions,
} from './useLabResultsWidget.ts';
export { labResultsWidgetMessages, type LabResultsWidgetMessages } from './messages.ts';

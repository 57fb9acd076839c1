export { VitalsWidget, type VitalsWidgetProps } from './VitalsWidget.tsx';
export type { VitalsWidgetSlot } from './slots.ts';
export { useVitalsWidget, type UseVitalsWidgetOptions, type VitalsWidgetState } from './useVitalsWidget.ts';
export {
  EMPTY_VITALS_FORM,
  VITALS_READINGS,
  type VitalInterpretation,
  type VitalKey,
  type VitalsFormValues,
  type VitalsReading,
} from './vitals-readings.ts';
export { vitalsWidgetMessages, type VitalsWidgetMessages } from './messages.ts';

export { ImmunizationLogger, type ImmunizationLoggerProps, type ImmunizationLoggerSlot } from './ImmunizationLogger.tsx';
export {
  EMPTY_IMMUNIZATION_FORM,
  useImmunizationLogger,
  type ImmunizationFormValues,
  type ImmunizationLoggerState,
  type UseImmunizationLoggerOptions,
} from './useImmunizationLogger.ts';
export { immunizationLoggerMessages, type ImmunizationLoggerMessages } from './messages.ts';

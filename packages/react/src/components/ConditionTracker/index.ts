export { ConditionTracker, type ConditionTrackerProps, type ConditionTrackerSlot } from './ConditionTracker.tsx';
export {
  EMPTY_CONDITION_FORM,
  isCurrentCondition,
  useConditionTracker,
  type ConditionFormValues,
  type ConditionTrackerState,
  type UseConditionTrackerOptions,
} from './useConditionTracker.ts';
export { conditionTrackerMessages, type ConditionTrackerMessages } from './messages.ts';

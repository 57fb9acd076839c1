export { CarePlanBuilder, type CarePlanBuilderProps, type CarePlanBuilderSlot } from './CarePlanBuilder.tsx';
export { CarePlanActivities, type CarePlanActivitiesProps } from './CarePlanActivities.tsx';
export {
  EMPTY_CARE_PLAN_FORM,
  NEW_ACTIVITY,
  useCarePlanBuilder,
  type CarePlanActivityStatus,
  type CarePlanActivityValues,
  type CarePlanBuilderState,
  type CarePlanFormValues,
  type UseCarePlanBuilderOptions,
} from './useCarePlanBuilder.ts';
export { carePlanBuilderMessages, type CarePlanBuilderMessages } from './messages.ts';

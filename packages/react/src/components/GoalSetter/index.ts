export { GoalSetter, type GoalSetterProps, type GoalSetterSlot } from './GoalSetter.tsx';
export {
  EMPTY_GOAL_FORM,
  dueDateOf,
  isOpenGoal,
  isOverdue,
  useGoalSetter,
  type GoalAchievementStatus,
  type GoalFormValues,
  type GoalLifecycleStatus,
  type GoalSetterState,
  type UseGoalSetterOptions,
} from './useGoalSetter.ts';
export { goalSetterMessages, type GoalSetterMessages } from './messages.ts';

/** Every string GoalSetter shows, overridable through `<ClinikProvider messages={{ goalSetter: {...} }}>`. */
export const goalSetterMessages = {
  title: 'Goals',
  listTitle: 'Goals on record',
  loading: 'Loading goals…',
  empty: 'No goals set.',
  emptyHint: 'Set one below, with a target date to track it against.',
  loadError: 'Goals could not be loaded.',
  formTitle: 'Set a goal',
  description: 'Goal',
  descriptionHelp: 'What should be achieved, e.g. Reduce HbA1c to below 7%',
  descriptionRequired: 'Describe the goal',
  lifecycleStatus: 'Lifecycle status',
  lifecycleProposed: 'Proposed',
  lifecyclePlanned: 'Planned',
  lifecycleAccepted: 'Accepted',
  lifecycleActive: 'Active',
  lifecycleOnHold: 'On hold',
  lifecycleCompleted: 'Completed',
  lifecycleCancelled: 'Cancelled',
  lifecycleRejected: 'Rejected',
  achievementStatus: 'Achievement',
  achievementInProgress: 'In progress',
  achievementImproving: 'Improving',
  achievementWorsening: 'Worsening',
  achievementNoChange: 'No change',
  achievementAchieved: 'Achieved',
  achievementSustaining: 'Sustaining',
  achievementNotAchieved: 'Not achieved',
  achievementNoProgress: 'No progress',
  achievementNotAttainable: 'Not attainable',
  priority: 'Priority',
  priorityHigh: 'High priority',
  priorityMedium: 'Medium priority',
  priorityLow: 'Low priority',
  notSpecified: 'Not specified',
  startDate: 'Start date',
  dueDate: 'Target date',
  dueDateHelp: 'When it should be achieved; not before the start date',
  dueBeforeStart: 'Must not be before the start date',
  /** FHIR gol-1, which the API leaves to forms: a target value is measured by something. */
  targetMeasureRequired: 'Required when the target has a detail',
  targetMeasure: 'Target measure',
  targetMeasureHelp: 'What is measured, e.g. HbA1c',
  targetDetail: 'Target value',
  targetDetailHelp: 'e.g. below 7%',
  note: 'Note',
  save: 'Set goal',
  saving: 'Saving…',
  saved: 'Goal set: {goal}.',
  saveError: 'The goal was not saved.',
  target: '{measure}: {detail}',
  due: 'Due {date}',
  overdue: 'Overdue',
};

export type GoalSetterMessages = typeof goalSetterMessages;

declare module '../../i18n/widget-messages.ts' {
  interface WidgetMessageCatalogue {
    goalSetter: GoalSetterMessages;
  }
}

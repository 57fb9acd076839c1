/** Every string IntakeForm shows, overridable through `<ClinikProvider messages={{ intakeForm: {...} }}>`. */
export const intakeFormMessages = {
  /** The heading when the questionnaire has no title. */
  title: 'Intake form',
  loading: 'Looking for answers you saved earlier…',
  resumeError: 'Answers you saved earlier could not be looked up. You can start here; nothing is lost on the server.',
  /** `{date}` is when the answers were last saved. */
  resumed: 'Welcome back. Your answers from {date} are filled in.',
  /** `{page}` of `{pages}`, then the page's title. */
  pageOf: 'Step {page} of {pages}',
  back: 'Back',
  next: 'Next',
  submit: 'Submit answers',
  submitting: 'Sending…',
  saving: 'Saving…',
  /** `{time}` is when the draft was last saved. */
  saved: 'Saved at {time}',
  notSaved: 'Not saved yet',
  saveError: 'Your answers could not be saved just now.',
  saveNow: 'Save now',
  submitError: 'Your answers were not sent.',
  issuesOne: 'One answer needs attention before sending.',
  /** `{count}` answers to fix before sending. */
  issuesMany: '{count} answers need attention before sending.',
  completedTitle: 'Thank you',
  completed: 'Your answers were sent.',
  required: 'Required',
  answerRequired: 'Please answer this question',
  groupRequired: 'Please answer at least one question here',
  url: 'Enter a full web address, such as https://example.org',
  date: 'Enter a date',
  dateTime: 'Enter a date and time',
  time: 'Enter a time',
  option: 'Choose one of the options',
  yes: 'Yes',
  no: 'No',
  chooseOne: 'Choose…',
  unit: 'Unit',
  amount: 'Amount',
  /** `{question}` is the question's text and `{number}` which of its answers this box is. */
  answerNumber: '{question} ({number})',
  addAnswer: 'Add another answer',
  /** `{number}` is which answer to remove. */
  removeAnswer: 'Remove answer {number}',
  /** `{group}` is the group's text, e.g. "Add another Medication". */
  addGroup: 'Add another: {group}',
  /** `{group}` names the entry, e.g. "Remove Medicines you take (2)". */
  removeGroup: 'Remove {group}',
  /** `{group}` and which entry it is. */
  groupNumber: '{group} ({number})',
};

export type IntakeFormMessages = typeof intakeFormMessages;

declare module '../../i18n/widget-messages.ts' {
  interface WidgetMessageCatalogue {
    intakeForm: IntakeFormMessages;
  }
}

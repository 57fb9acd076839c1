export { IntakeForm, type IntakeFormProps, type IntakeFormSlot } from './IntakeForm.tsx';
export {
  useIntakeForm,
  type AutosaveStatus,
  type IntakeFormState,
  type IntakeSubmitStatus,
  type UseIntakeFormOptions,
} from './useIntakeForm.ts';
export { useIntakeDraft, questionnaireReference, type IntakeDraft } from './useIntakeDraft.ts';
export { useQuestionnaire, type QuestionnaireForm, type UseQuestionnaireOptions } from './useQuestionnaire.ts';
export { questionnaireIssueMessage } from './issue-message.ts';
// The types `useQuestionnaire` speaks in, for a skin of your own; the engine behind it (questionnaire/) stays inside.
export { type QuestionnaireAnalysis, type QuestionnaireIssue, type QuestionnaireResponsePaths } from './questionnaire/analysis.ts';
export { type QuestionnaireItemState, type StoredQuestionnaireItem } from './questionnaire/state.ts';
export {
  QUESTIONNAIRE_EXTENSIONS,
  type EnableWhenOperator,
  type Questionnaire,
  type QuestionnaireAnswerOption,
  type QuestionnaireCoding,
  type QuestionnaireEnableWhen,
  type QuestionnaireExtension,
  type QuestionnaireItem,
  type QuestionnaireItemType,
  type QuestionnaireQuantity,
  type QuestionnaireValue,
} from './questionnaire/types.ts';
export { type QuestionnaireAnswerProblem, type QuestionnaireDraft, type QuestionnaireQuantityDraft } from './questionnaire/values.ts';
export {
  DEFAULT_INTAKE_URL,
  defaultIntakeQuestionnaire,
  intakeQuestionnaireMessages,
  type IntakeQuestionnaireMessages,
} from './default-questionnaire.ts';
export { intakeFormMessages, type IntakeFormMessages } from './messages.ts';

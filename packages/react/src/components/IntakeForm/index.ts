export { IntakeForm, type IntakeFormProps, type IntakeFormSlot } from './IntakeForm.tsx';
export { useIntakeForm, type AutosaveStatus, type IntakeFormState, type IntakeSubmitStatus, type UseIntakeFormOptions } from './useIntakeForm.ts';
export { useIntakeDraft, questionnaireReference, type IntakeDraft } from './useIntakeDraft.ts';
export { useQuestionnaire, type QuestionnaireForm, type UseQuestionnaireOptions } from './useQuestionnaire.ts';
export { analyse as analyseQuestionnaire, responseItems, type QuestionnaireAnalysis, type QuestionnaireIssue, type ResponsePaths } from './questionnaire/analysis.ts';
export {
  initialQuestionnaireState,
  questionnaireReducer,
  type ItemState,
  type QuestionnaireAction,
  type QuestionnaireState,
  type StoredItem,
} from './questionnaire/state.ts';
export {
  EXTENSIONS as QUESTIONNAIRE_EXTENSIONS,
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
export { readAnswer, type AnswerProblem, type AnswerValue, type Draft, type QuantityDraft } from './questionnaire/values.ts';
export { issueMessage } from './issue-message.ts';
export {
  DEFAULT_INTAKE_URL,
  defaultIntakeQuestionnaire,
  intakeQuestionnaireMessages,
  type IntakeQuestionnaireMessages,
} from './default-questionnaire.ts';
export { intakeFormMessages, type IntakeFormMessages } from './messages.ts';

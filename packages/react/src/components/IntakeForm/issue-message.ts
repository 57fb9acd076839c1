/** The sentence for a questionnaire problem, in the app's words and locale: the shared validation wording where there is one. */
import { rangeProblem, type ValidationMessages } from '../../headless/form/validation.ts';
import { formatMessage } from '../../i18n/messages.ts';
import type { IntakeFormMessages } from './messages.ts';
import type { QuestionnaireIssue } from './questionnaire/analysis.ts';
import type { QuestionnaireItem } from './questionnaire/types.ts';

export function questionnaireIssueMessage(
  issue: QuestionnaireIssue,
  definition: QuestionnaireItem | undefined,
  messages: IntakeFormMessages,
  validation: ValidationMessages,
  locale: string | undefined,
): string {
  switch (issue.code) {
    case 'required':
      return definition?.type === 'group' ? messages.groupRequired : messages.answerRequired;
    case 'integer':
      return validation.wholeNumber;
    case 'decimal':
      return validation.notANumber;
    case 'range':
      return rangeProblem(issue.min, issue.max, issue.unit, validation, locale);
    case 'maxLength':
      return formatMessage(validation.tooLong, { max: issue.limit ?? 0 });
    case 'future':
      return validation.notInFuture;
    default:
      return messages[issue.code];
  }
}

/** The sentence for a questionnaire problem, in the app's words and locale. */
import { formatNumber } from '../../i18n/format.ts';
import { formatMessage } from '../../i18n/messages.ts';
import type { IntakeFormMessages } from './messages.ts';
import type { QuestionnaireIssue } from './questionnaire/analysis.ts';
import type { QuestionnaireItem } from './questionnaire/types.ts';

export function issueMessage(issue: QuestionnaireIssue, definition: QuestionnaireItem | undefined, messages: IntakeFormMessages, locale: string | undefined): string {
  if (issue.code === 'required') return definition?.type === 'group' ? messages.groupRequired : messages.answerRequired;
  const limit = issue.limit === undefined ? '' : issue.code === 'maxLength' ? String(issue.limit) : formatNumber(issue.limit, locale);
  return formatMessage(messages[issue.code], { limit });
}

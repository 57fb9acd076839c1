'use client';
/** Renders questionnaire items, recursively: groups as fieldsets, display text, and each question with its answers. */
import { useId, useRef, type FocusEvent, type ReactNode } from 'react';
import { formatMessage } from '../../i18n/messages.ts';
import { useLocale } from '../../provider/context.ts';
import { Button } from '../../ui/Button/Button.tsx';
import { AnswerInput, ChoiceSelect, isRadioChoice, OptionList } from './AnswerControls.tsx';
import { useValidationMessages } from '../../headless/form/validation.ts';
import { questionnaireIssueMessage } from './issue-message.ts';
import type { IntakeFormMessages } from './messages.ts';
import type { QuestionnaireItemState } from './questionnaire/state.ts';
import type { QuestionnaireItem } from './questionnaire/types.ts';
import type { IntakeFormState } from './useIntakeForm.ts';
import { useFocusEffect } from '../../headless/focus.ts';

export interface QuestionnaireItemsProps {
  readonly form: IntakeFormState;
  readonly messages: IntakeFormMessages;
  readonly nodes: readonly QuestionnaireItemState[];
}

const labelOf = (definition: QuestionnaireItem) => [definition.prefix, definition.text ?? definition.linkId].filter(Boolean).join(' ');

export function QuestionnaireItems({ form, messages, nodes }: QuestionnaireItemsProps): ReactNode {
  // The group an entry was just added to: its new last entry takes focus once it is there.
  const added = useRef<string | null>(null);
  const claimFocus = (linkId: string) => {
    if (added.current !== linkId) return false;
    added.current = null;
    return true;
  };
  const addGroup = (node: QuestionnaireItemState) => {
    added.current = node.linkId;
    form.addGroup(node.key);
  };
  return nodes.map((node, index) => {
    const definition = form.definitionOf(node.key);
    if (!definition || !form.isEnabled(node.key)) return null;
    if (definition.type === 'display') {
      return (
        <p key={node.key} className="ck-IntakeForm-display">
          {labelOf(definition)}
        </p>
      );
    }
    if (definition.type === 'group') {
      const instances = nodes.filter((sibling) => sibling.linkId === node.linkId);
      return (
        <GroupView
          key={node.key}
          form={form}
          messages={messages}
          node={node}
          definition={definition}
          number={instances.indexOf(node) + 1}
          count={instances.length}
          isLast={nodes[index + 1]?.linkId !== node.linkId}
          onAdd={addGroup}
          claimFocus={claimFocus}
        />
      );
    }
    return <QuestionView key={node.key} form={form} messages={messages} node={node} definition={definition} />;
  });
}

interface NodeProps {
  readonly form: IntakeFormState;
  readonly messages: IntakeFormMessages;
  readonly node: QuestionnaireItemState;
  readonly definition: QuestionnaireItem;
}

interface GroupViewProps extends NodeProps {
  readonly number: number;
  readonly count: number;
  readonly isLast: boolean;
  readonly onAdd: (node: QuestionnaireItemState) => void;
  readonly claimFocus: (linkId: string) => boolean;
}

function GroupView({ form, messages, node, definition, number, count, isLast, onAdd, claimFocus }: GroupViewProps): ReactNode {
  const locale = useLocale();
  const validation = useValidationMessages();
  const errorId = useId();
  const fieldset = useRef<HTMLFieldSetElement>(null);
  useFocusEffect(() => {
    // A new entry of a repeating group starts where the user will type.
    if (isLast && number > 1 && claimFocus(node.linkId)) fieldset.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }, [isLast, number, claimFocus, node.linkId]);
  const issue = form.issuesOf(node.key)[0];
  const legend = count > 1 ? formatMessage(messages.groupNumber, { group: labelOf(definition), number }, locale) : labelOf(definition);
  return (
    <>
      <fieldset
        ref={fieldset}
        className="ck-IntakeForm-group"
        aria-describedby={issue ? errorId : undefined}
        tabIndex={issue ? -1 : undefined}
        data-item-key={node.key}
      >
        <legend>{legend}</legend>
        <QuestionnaireItems form={form} messages={messages} nodes={node.items} />
        {issue && (
          <p id={errorId} className="ck-Field-error">
            {questionnaireIssueMessage(issue, definition, messages, validation, locale)}
          </p>
        )}
        {definition.repeats && count > 1 && (
          <div className="ck-Widget-actions">
            <Button variant="ghost" onClick={() => form.removeGroup(node.key)}>
              {formatMessage(messages.removeGroup, { group: legend })}
            </Button>
          </div>
        )}
      </fieldset>
      {definition.repeats && isLast && (
        <div className="ck-Widget-actions">
          <Button variant="secondary" onClick={() => onAdd(node)}>
            {formatMessage(messages.addGroup, { group: labelOf(definition) })}
          </Button>
        </div>
      )}
    </>
  );
}

function RequiredMark({ required }: { readonly required: boolean | undefined }): ReactNode {
  return required ? (
    <span className="ck-Field-required" aria-hidden="true">
      {' *'}
    </span>
  ) : null;
}

function QuestionView({ form, messages, node, definition }: NodeProps): ReactNode {
  const locale = useLocale();
  const validation = useValidationMessages();
  const id = useId();
  // The answer box just added, to move focus into once it is there.
  const added = useRef<number | null>(null);
  const answerCount = node.answers.length;
  useFocusEffect(() => {
    if (added.current === null) return;
    document.getElementById(`${id}-${added.current}`)?.focus();
    added.current = null;
  }, [answerCount, id]);
  const issues = form.issuesOf(node.key);
  const server = form.serverIssues.get(node.key);
  // Problems show once the user has had a chance to answer: when focus leaves the question for somewhere else.
  const leave = (event: FocusEvent) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) form.touch(node.key);
  };
  const whole = [
    ...issues
      .filter((issue) => issue.index === undefined)
      .map((issue) => questionnaireIssueMessage(issue, definition, messages, validation, locale)),
    ...(server ? [server] : []),
  ];
  const answerIssue = (index: number) => issues.find((issue) => issue.index === index);
  const label = labelOf(definition);
  const required = Boolean(definition.required);
  const wholeErrorId = whole.length > 0 ? `${id}-error` : undefined;
  const wholeError = wholeErrorId && (
    <p id={wholeErrorId} className="ck-Field-error">
      {whole.join(' ')}
    </p>
  );

  // Yes/no, short choices and multiple choices: a group of radio buttons or checkboxes under a legend.
  if (definition.type === 'boolean' || (definition.type === 'choice' && (definition.repeats || isRadioChoice(definition)))) {
    const single = !(definition.type === 'choice' && definition.repeats);
    return (
      <fieldset
        className="ck-IntakeForm-question ck-IntakeForm-choice"
        role={single ? 'radiogroup' : 'group'}
        aria-describedby={wholeErrorId}
        aria-invalid={single && wholeErrorId ? true : undefined}
        aria-required={single && required ? true : undefined}
        data-invalid={wholeErrorId ? '' : undefined}
        onBlur={leave}
      >
        <legend>
          {label}
          <RequiredMark required={required} />
        </legend>
        <OptionList
          definition={definition}
          values={node.answers}
          onChange={(values) => form.setAnswers(node.key, values)}
          itemKey={node.key}
          messages={messages}
        />
        {wholeError}
      </fieldset>
    );
  }

  // A repeating question: one box per answer, each removable, and a button for another.
  if (definition.repeats) {
    return (
      <fieldset
        className="ck-IntakeForm-question"
        aria-describedby={wholeErrorId}
        data-invalid={wholeErrorId ? '' : undefined}
        onBlur={leave}
      >
        <legend>
          {label}
          <RequiredMark required={required} />
        </legend>
        {node.answers.map((value, index) => {
          const issue = answerIssue(index);
          const errorId = `${id}-${index}-error`;
          return (
            // Answers have no identity of their own beyond their position in the list.
            <div key={index} className="ck-IntakeForm-answer">
              <AnswerInput
                definition={definition}
                value={value}
                onChange={(next) => form.setAnswer(node.key, index, next)}
                id={`${id}-${index}`}
                label={formatMessage(messages.answerNumber, { question: label, number: index + 1 }, locale)}
                describedBy={[issue ? errorId : undefined, wholeErrorId].filter(Boolean).join(' ') || undefined}
                invalid={Boolean(issue || wholeErrorId)}
                required={required && index === 0}
                itemKey={node.key}
                messages={messages}
              />
              {node.answers.length > 1 && !definition.readOnly && (
                <Button variant="ghost" onClick={() => form.removeAnswer(node.key, index)}>
                  {formatMessage(messages.removeAnswer, { number: index + 1 }, locale)}
                </Button>
              )}
              {issue && (
                <p id={errorId} className="ck-Field-error">
                  {questionnaireIssueMessage(issue, definition, messages, validation, locale)}
                </p>
              )}
            </div>
          );
        })}
        {wholeError}
        {!definition.readOnly && (
          <div className="ck-Widget-actions">
            <Button
              variant="secondary"
              onClick={() => {
                added.current = node.answers.length;
                form.addAnswer(node.key);
              }}
            >
              {messages.addAnswer}
            </Button>
          </div>
        )}
      </fieldset>
    );
  }

  // One answer: a labelled box (or a drop-down for a long choice).
  const issue = answerIssue(0);
  const errors = [...(issue ? [questionnaireIssueMessage(issue, definition, messages, validation, locale)] : []), ...whole];
  const errorId = errors.length > 0 ? `${id}-error` : undefined;
  const props = {
    definition,
    value: node.answers[0],
    onChange: (next: (typeof node.answers)[number]) => form.setAnswer(node.key, 0, next),
    id,
    describedBy: errorId,
    invalid: errors.length > 0,
    required,
    itemKey: node.key,
    messages,
  };
  return (
    <div className="ck-Field ck-IntakeForm-question" data-invalid={errorId ? '' : undefined} onBlur={leave}>
      <label htmlFor={id} className="ck-Field-label">
        {label}
        <RequiredMark required={required} />
      </label>
      {definition.type === 'choice' ? <ChoiceSelect {...props} /> : <AnswerInput {...props} />}
      {errorId && (
        <p id={errorId} className="ck-Field-error">
          {errors.join(' ')}
        </p>
      )}
    </div>
  );
}

'use client';
/** The controls for one answer of each item type: native inputs, which every browser and screen reader can operate. */
import { useId, type ReactNode } from 'react';
import type { IntakeFormMessages } from './messages.ts';
import { entryFormatOf, itemControlOf, unitOptionsOf, type QuestionnaireItem } from './questionnaire/types.ts';
import { optionKey, optionLabel, unitKey, type QuestionnaireDraft, type QuestionnaireQuantityDraft } from './questionnaire/values.ts';

/** What every answer control gets: the item, its draft, and the ARIA wiring of its label, help and errors. */
export interface AnswerControlProps {
  readonly definition: QuestionnaireItem;
  readonly value: QuestionnaireDraft;
  readonly onChange: (value: QuestionnaireDraft) => void;
  readonly id: string;
  /** Names the control when no `<label for>` does (the second answer of a repeating question...). */
  readonly label?: string | undefined;
  readonly describedBy: string | undefined;
  readonly invalid: boolean;
  readonly required: boolean;
  /** The instance this control answers, for focusing the first problem. */
  readonly itemKey: string;
  readonly messages: IntakeFormMessages;
}

/** The props every native control shares. */
function common(props: AnswerControlProps) {
  return {
    id: props.id,
    'aria-label': props.label,
    'aria-describedby': props.describedBy,
    'aria-invalid': props.invalid ? true : undefined,
    'aria-required': props.required ? true : undefined,
    'data-item-key': props.itemKey,
    readOnly: props.definition.readOnly,
  } as const;
}

const INPUT_TYPES: Partial<Record<QuestionnaireItem['type'], { type: string; inputMode?: 'numeric' | 'decimal' | 'url' }>> = {
  string: { type: 'text' },
  integer: { type: 'text', inputMode: 'numeric' },
  decimal: { type: 'text', inputMode: 'decimal' },
  date: { type: 'date' },
  dateTime: { type: 'datetime-local' },
  time: { type: 'time' },
  url: { type: 'url', inputMode: 'url' },
};

/** One answer box: text, number, date, time, URL, free choice, long text, or a quantity with its unit. */
export function AnswerInput(props: AnswerControlProps): ReactNode {
  const { definition, value, onChange, messages } = props;
  const listId = useId();
  const placeholder = entryFormatOf(definition);
  if (definition.type === 'text') {
    return <textarea rows={3} {...common(props)} value={String(value ?? '')} onChange={(event) => onChange(event.target.value)} />;
  }
  if (definition.type === 'open-choice') {
    return (
      <>
        <input
          type="text"
          list={listId}
          autoComplete="off"
          {...common(props)}
          value={String(value ?? '')}
          onChange={(event) => onChange(event.target.value)}
        />
        <datalist id={listId}>
          {(definition.answerOption ?? []).map((option) => (
            <option key={optionKey(option)} value={optionLabel(option)} />
          ))}
        </datalist>
      </>
    );
  }
  if (definition.type === 'quantity') {
    const quantity = (value as QuestionnaireQuantityDraft | undefined) ?? { value: '', unit: '' };
    const units = unitOptionsOf(definition);
    return (
      <span className="ck-IntakeForm-quantity">
        <input
          type="text"
          inputMode="decimal"
          placeholder={placeholder}
          {...common(props)}
          value={quantity.value}
          onChange={(event) => onChange({ ...quantity, value: event.target.value })}
        />
        {units.length > 0 ? (
          <select
            aria-label={messages.unit}
            value={quantity.unit}
            disabled={definition.readOnly}
            onChange={(event) => onChange({ ...quantity, unit: event.target.value })}
          >
            {units.map((unit) => (
              <option key={unitKey(unit)} value={unitKey(unit)}>
                {unit.display ?? unit.code}
              </option>
            ))}
          </select>
        ) : (
          <input
            type="text"
            aria-label={messages.unit}
            readOnly={definition.readOnly}
            value={quantity.unit}
            onChange={(event) => onChange({ ...quantity, unit: event.target.value })}
          />
        )}
      </span>
    );
  }
  const input = INPUT_TYPES[definition.type] ?? { type: 'text' };
  return (
    <input
      type={input.type}
      inputMode={input.inputMode}
      placeholder={placeholder}
      maxLength={definition.type === 'string' || definition.type === 'url' ? definition.maxLength : undefined}
      {...common(props)}
      value={String(value ?? '')}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}

/** A choice shown as radio buttons: up to five options, or when the questionnaire asks for radio buttons. */
export function isRadioChoice(definition: QuestionnaireItem): boolean {
  const control = itemControlOf(definition);
  if (control === 'radio-button') return true;
  if (control === 'drop-down') return false;
  return (definition.answerOption?.length ?? 0) <= 5;
}

/** A single choice from a list too long for radio buttons. */
export function ChoiceSelect(props: AnswerControlProps): ReactNode {
  const { definition, value, onChange, messages } = props;
  return (
    <select
      {...common(props)}
      disabled={definition.readOnly}
      value={String(value ?? '')}
      onChange={(event) => onChange(event.target.value)}
    >
      <option value="">{messages.chooseOne}</option>
      {(definition.answerOption ?? []).map((option) => (
        <option key={optionKey(option)} value={optionKey(option)}>
          {optionLabel(option)}
        </option>
      ))}
    </select>
  );
}

export interface OptionListProps {
  readonly definition: QuestionnaireItem;
  /** The chosen option keys (or `true`/`false` for a yes/no question). */
  readonly values: readonly QuestionnaireDraft[];
  readonly onChange: (values: readonly QuestionnaireDraft[]) => void;
  readonly itemKey: string;
  readonly messages: IntakeFormMessages;
}

/** Radio buttons (one answer: yes/no, or a short choice) or checkboxes (a repeating choice). */
export function OptionList({ definition, values, onChange, itemKey, messages }: OptionListProps): ReactNode {
  const name = useId();
  const options: { key: string; label: string; value: QuestionnaireDraft }[] =
    definition.type === 'boolean'
      ? [
          { key: 'true', label: messages.yes, value: true },
          { key: 'false', label: messages.no, value: false },
        ]
      : (definition.answerOption ?? []).map((option) => ({ key: optionKey(option), label: optionLabel(option), value: optionKey(option) }));
  const multiple = definition.type === 'choice' && Boolean(definition.repeats);
  return (
    <div className="ck-IntakeForm-options">
      {options.map((option, index) => {
        const checked = values.includes(option.value);
        return (
          <label key={option.key} className="ck-IntakeForm-option">
            <input
              type={multiple ? 'checkbox' : 'radio'}
              name={name}
              value={option.key}
              checked={checked}
              disabled={definition.readOnly}
              // The first option is where the form sends focus to fix a problem here.
              data-item-key={index === 0 ? itemKey : undefined}
              onChange={(event) => {
                if (!multiple) onChange([option.value]);
                else onChange(event.target.checked ? [...values, option.value] : values.filter((entry) => entry !== option.value));
              }}
            />
            <span>{option.label}</span>
          </label>
        );
      })}
    </div>
  );
}

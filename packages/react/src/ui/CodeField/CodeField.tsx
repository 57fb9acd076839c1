'use client';
import { useId, useState, type ReactNode, type Ref } from 'react';
import { Field, type FieldProps } from '../Field/Field.tsx';
import { codedValueOf, optionLabel, textOf, type CodedValue, type CodeOption } from '../../headless/coded-value.ts';

export interface CodeFieldProps extends Omit<FieldProps, 'children'> {
  /** The documented codes to suggest (LOINC, CVX, ICD-10, RxNorm…). */
  readonly options: readonly CodeOption[];
  readonly value: CodedValue | undefined;
  /** Receives the chosen code, or the typed text when it matches no code (free-text fallback). */
  readonly onChange: (value: CodedValue | undefined) => void;
  readonly onBlur?: () => void;
  readonly placeholder?: string;
  readonly name?: string;
  /** The input element, e.g. react-hook-form's `field.ref`, so a form can focus the field with the first error. */
  readonly inputRef?: Ref<HTMLInputElement>;
}

/**
 * A text box that suggests codes and accepts free text. It is the native `<input list>` + `<datalist>` pair: every
 * browser and screen reader already knows how to operate it from the keyboard, and nothing is hand-rolled.
 */
export function CodeField({ options, value, onChange, onBlur, placeholder, name, inputRef, ...field }: CodeFieldProps): ReactNode {
  const listId = useId();
  const [text, setText] = useState(() => textOf(value));
  const shown = textOf(value) === textOf(codedValueOf(text, options)) ? text : textOf(value);

  return (
    <Field {...field}>
      {(control) => (
        <>
          <input
            {...control}
            ref={inputRef}
            name={name}
            type="text"
            list={listId}
            autoComplete="off"
            placeholder={placeholder}
            value={shown}
            onBlur={onBlur}
            onChange={(event) => {
              setText(event.target.value);
              onChange(event.target.value.trim() === '' ? undefined : codedValueOf(event.target.value, options));
            }}
          />
          <datalist id={listId}>
            {options.map((option) => (
              <option key={`${option.system ?? ''}|${option.code}`} value={optionLabel(option)} />
            ))}
          </datalist>
        </>
      )}
    </Field>
  );
}

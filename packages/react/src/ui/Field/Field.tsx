'use client';
import { useId, type ReactNode } from 'react';
import { cx } from '../../styles/class-names.ts';

/** What a form control inside a `Field` must carry to be wired to its label, help and error. */
export interface FieldControlProps {
  readonly id: string;
  readonly 'aria-describedby': string | undefined;
  readonly 'aria-invalid': true | undefined;
  readonly 'aria-required': true | undefined;
}

export interface FieldProps {
  /** The visible label. */
  readonly label: ReactNode;
  /** A hint shown under the control (units, format, range). */
  readonly help?: ReactNode;
  /** The error for this field; the control is marked invalid and describes itself with it. */
  readonly error?: string | undefined;
  /** Marks the control required (for assistive tech) and the label with an asterisk. */
  readonly required?: boolean;
  /** Id for the control; generated when omitted. */
  readonly id?: string;
  readonly className?: string;
  readonly unstyled?: boolean;
  /** Renders the control with the props that wire it up: `{(control) => <input {...control} />}`. */
  readonly children: (control: FieldControlProps) => ReactNode;
}

/**
 * A labelled form field: label, control, help and error, connected by `for`/`id` and `aria-describedby` so a screen
 * reader reads the hint and the error with the control.
 */
export function Field({ label, help, error, required, id, className, unstyled, children }: FieldProps): ReactNode {
  const generated = useId();
  const controlId = id ?? generated;
  const helpId = help ? `${controlId}-help` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  const describedBy = [helpId, errorId].filter(Boolean).join(' ') || undefined;

  return (
    <div className={cx(!unstyled && 'ck-Field', className)} data-invalid={error ? '' : undefined}>
      <label className={cx(!unstyled && 'ck-Field-label')} htmlFor={controlId}>
        {label}
        {required && (
          <span className={cx(!unstyled && 'ck-Field-required')} aria-hidden="true">
            {' *'}
          </span>
        )}
      </label>
      {children({
        id: controlId,
        'aria-describedby': describedBy,
        'aria-invalid': error ? true : undefined,
        'aria-required': required ? true : undefined,
      })}
      {help && (
        <p id={helpId} className={cx(!unstyled && 'ck-Field-help')}>
          {help}
        </p>
      )}
      {error && (
        <p id={errorId} className={cx(!unstyled && 'ck-Field-error')}>
          {error}
        </p>
      )}
    </div>
  );
}

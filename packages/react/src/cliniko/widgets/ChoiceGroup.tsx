'use client';
import { useId, type ReactNode } from 'react';
import { cx } from '../../styles/class-names.ts';

export interface Choice {
  readonly value: string;
  readonly label: ReactNode;
  /** A second line: a designation, a duration. */
  readonly detail?: ReactNode;
  /** Shown but not choosable (a day with no free times); arrow keys skip it. */
  readonly disabled?: boolean;
}

export interface ChoiceGroupProps {
  readonly legend: ReactNode;
  /** A line under the legend, read with the group (the time zone, a hint). */
  readonly description?: ReactNode;
  readonly choices: readonly Choice[];
  readonly value: string | undefined;
  readonly onChange: (value: string) => void;
  /** `chips` for short labels (days, times) laid out in a grid; `cards` for names with a second line. */
  readonly layout?: 'chips' | 'cards';
  readonly className?: string | undefined;
  readonly unstyled?: boolean | undefined;
  /** Shown instead of the group while it has nothing to offer (loading, empty, an error). */
  readonly placeholder?: ReactNode;
}

/**
 * One step of a choice as a native radio group in a fieldset: Tab enters it at the chosen (or first) option, the
 * arrow keys move between the options that can be chosen, and the legend names the group for assistive tech.
 */
export function ChoiceGroup({
  legend,
  description,
  choices,
  value,
  onChange,
  layout = 'cards',
  className,
  unstyled,
  placeholder,
}: ChoiceGroupProps): ReactNode {
  const name = useId();
  const descriptionId = useId();
  const part = (suffix: string) => (unstyled ? undefined : `ck-Choice-${suffix}`);
  return (
    <fieldset
      className={cx(!unstyled && 'ck-Choice', className)}
      aria-describedby={description ? descriptionId : undefined}
      data-layout={layout}
    >
      <legend className={part('legend')}>{legend}</legend>
      {description && (
        <p id={descriptionId} className={part('description')}>
          {description}
        </p>
      )}
      {placeholder ?? (
        <div className={part('options')}>
          {choices.map((choice) => (
            <label key={choice.value} className={part('option')}>
              <input
                type="radio"
                name={name}
                value={choice.value}
                checked={choice.value === value}
                disabled={choice.disabled}
                onChange={() => onChange(choice.value)}
              />
              <span className={part('label')}>{choice.label}</span>
              {choice.detail && <span className={part('detail')}>{choice.detail}</span>}
            </label>
          ))}
        </div>
      )}
    </fieldset>
  );
}

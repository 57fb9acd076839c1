'use client';
/** The activities of the plan being built: rows of description + status that can be added and removed. */
import { useId, useRef, type ReactNode } from 'react';
import { useFieldArray } from 'react-hook-form';
import { formatMessage } from '../../i18n/messages.ts';
import { Button } from '../../ui/Button/Button.tsx';
import { Field } from '../../ui/Field/Field.tsx';
import type { CarePlanBuilderMessages } from './messages.ts';
import { NEW_ACTIVITY, type CarePlanActivityStatus, type CarePlanBuilderState } from './useCarePlanBuilder.ts';

export interface CarePlanActivitiesProps {
  readonly state: CarePlanBuilderState;
  readonly messages: CarePlanBuilderMessages;
  readonly className?: string | undefined;
}

export function CarePlanActivities({ state, messages, className }: CarePlanActivitiesProps): ReactNode {
  const { form, errorOf } = state;
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'activity' });
  const addButton = useRef<HTMLButtonElement>(null);
  const helpId = useId();
  const statuses: readonly [CarePlanActivityStatus, string][] = [
    ['not-started', messages.activityNotStarted],
    ['scheduled', messages.activityScheduled],
    ['in-progress', messages.activityInProgress],
    ['on-hold', messages.activityOnHold],
    ['completed', messages.activityCompleted],
    ['cancelled', messages.activityCancelled],
  ];

  return (
    <fieldset className={className} aria-describedby={helpId}>
      <legend>{messages.activities}</legend>
      <p id={helpId} className="ck-Field-help">
        {messages.activitiesHelp}
      </p>
      {fields.length > 0 && (
        <ol className="ck-CarePlanBuilder-activityList">
          {fields.map((row, index) => {
            const number = index + 1;
            return (
              <li key={row.id} className="ck-CarePlanBuilder-activity">
                <Field label={formatMessage(messages.activity, { number })} error={errorOf(`activity.${index}.description`)}>
                  {(control) => <input type="text" {...control} {...form.register(`activity.${index}.description`)} />}
                </Field>
                <Field label={formatMessage(messages.activityStatus, { number })} error={errorOf(`activity.${index}.status`)}>
                  {(control) => (
                    <select {...control} {...form.register(`activity.${index}.status`)}>
                      {statuses.map(([value, label]) => (
                        <option key={value} value={value}>
                          {label}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <Button
                  variant="ghost"
                  onClick={() => {
                    remove(index);
                    // The row's controls are gone; keep a keyboard user in the list rather than back at the page top.
                    addButton.current?.focus();
                  }}
                >
                  {formatMessage(messages.removeActivity, { number })}
                </Button>
              </li>
            );
          })}
        </ol>
      )}
      <Button ref={addButton} variant="secondary" onClick={() => append({ ...NEW_ACTIVITY })}>
        {messages.addActivity}
      </Button>
    </fieldset>
  );
}

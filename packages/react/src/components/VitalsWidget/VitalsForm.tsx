'use client';
/** The VitalsWidget's form: one box per reading (blood pressure as a pair), each saying its usual range or its flag. */
import { useId, type ReactNode } from 'react';
import { formatMessage } from '../../i18n/messages.ts';
import { useLocale } from '../../provider/context.ts';
import { Button } from '../../ui/Button/Button.tsx';
import { Field } from '../../ui/Field/Field.tsx';
import { Notice } from '../../ui/Notice/Notice.tsx';
import { ErrorState } from '../../ui/States/States.tsx';
import type { VitalsWidgetMessages } from './messages.ts';
import { flagLabel, type VitalsPartProps } from './VitalsRecords.tsx';
import { readingsOf, vitalOf, type VitalKey } from './vitals-readings.ts';

export function VitalsForm({ state, messages, slot }: VitalsPartProps): ReactNode {
  const { form, errorOf } = state;
  const locale = useLocale();
  const headingId = useId();

  const readingField = (key: VitalKey, label: string) => {
    const flag = state.flags[key];
    return (
      <div key={key} className={slot('reading')} data-interpretation={flag}>
        <Field label={label} help={rangeHelp(key, flag, messages, locale)} error={errorOf(key)}>
          {(control) => <input type="text" inputMode="decimal" autoComplete="off" {...control} {...form.register(key)} />}
        </Field>
      </div>
    );
  };

  return (
    <form className={slot('form', 'ck-Widget-form')} aria-labelledby={headingId} onSubmit={state.onSubmit} noValidate>
      <h3 id={headingId}>{messages.formTitle}</h3>
      <div className={slot('fields', 'ck-Widget-grid')}>
        {state.readings.map((reading) =>
          reading === 'bloodPressure' ? (
            <fieldset key={reading} className={slot('pressure')}>
              <legend>{formatMessage(messages.labelWithUnit, { label: messages.bloodPressure, unit: messages.bloodPressureUnit })}</legend>
              {readingField('systolic', messages.systolic)}
              {readingField('diastolic', messages.diastolic)}
            </fieldset>
          ) : (
            readingField(reading, formatMessage(messages.labelWithUnit, { label: messages[reading], unit: messages[`${reading}Unit`] }))
          ),
        )}
      </div>
      <div className={slot('fields', 'ck-Widget-grid')}>
        <Field label={messages.measuredAt} help={messages.measuredAtHelp} error={errorOf('effectiveDateTime')}>
          {(control) => <input type="datetime-local" {...control} {...form.register('effectiveDateTime')} />}
        </Field>
        <Field label={messages.note} error={errorOf('note')}>
          {(control) => <input type="text" {...control} {...form.register('note')} />}
        </Field>
      </div>
      {state.formErrors.length > 0 && <Notice tone="error">{state.formErrors.join(' ')}</Notice>}
      {state.error && <ErrorState title={messages.saveError} action="write" error={state.error} onRetry={() => void state.retry()} />}
      {state.status === 'success' && state.result && <Notice tone="success">{savedMessage(state, messages, locale)}</Notice>}
      <div className={slot('actions', 'ck-Widget-actions')}>
        <Button type="submit" pending={state.status === 'submitting'} pendingLabel={messages.saving}>
          {messages.save}
        </Button>
      </div>
    </form>
  );
}

/** Under a reading: its usual range, or, once typed outside it, which way it is out. */
function rangeHelp(
  key: VitalKey,
  flag: 'H' | 'L' | 'N' | undefined,
  messages: VitalsWidgetMessages,
  locale: string | undefined,
): string | undefined {
  const reference = vitalOf(key).reference;
  if (!reference) return undefined;
  const template = flag === 'H' ? messages.flaggedHigh : flag === 'L' ? messages.flaggedLow : messages.usualRange;
  return formatMessage(template, { low: reference.low, high: reference.high }, locale);
}

/** "Vitals recorded.", naming the readings that were outside their usual range. */
function savedMessage(state: VitalsPartProps['state'], messages: VitalsWidgetMessages, locale: string | undefined): string {
  const flagged = state.result
    ? readingsOf(state.result, messages, locale).flatMap((reading) => {
        const flag = flagLabel(reading.interpretation, messages);
        return flag ? [formatMessage(messages.flaggedReading, { label: reading.label, flag })] : [];
      })
    : [];
  return flagged.length > 0 ? formatMessage(messages.savedFlagged, { readings: flagged.join(', ') }) : messages.saved;
}

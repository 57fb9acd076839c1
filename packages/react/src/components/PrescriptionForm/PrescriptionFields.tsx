'use client';
/** The PrescriptionForm's form: the documented fields, grouped as a prescriber reads a prescription. */
import { useId, type ReactNode } from 'react';
import { Controller } from 'react-hook-form';
import { MEDICATION_CODES } from '../../codes/catalogues.ts';
import { formatMessage } from '../../i18n/messages.ts';
import { useLocale } from '../../provider/context.ts';
import { Button } from '../../ui/Button/Button.tsx';
import { CodeField } from '../../ui/CodeField/CodeField.tsx';
import { Field } from '../../ui/Field/Field.tsx';
import { conceptText } from '../../headless/fhir-display.ts';
import { Notice } from '../../ui/Notice/Notice.tsx';
import { ErrorState } from '../../ui/States/States.tsx';
import type { PrescriptionPartProps } from './PrescriptionRecords.tsx';
import { MAX_REFILLS } from './usePrescriptionForm.ts';

export function PrescriptionFields({ state, messages, slot }: PrescriptionPartProps): ReactNode {
  const { form, errorOf } = state;
  const locale = useLocale();
  const headingId = useId();
  const suggestion = state.suggestedQuantity && formatMessage(messages.suggestedQuantity, state.suggestedQuantity, locale);
  return (
    <form className={slot('form', 'ck-Widget-form')} aria-labelledby={headingId} onSubmit={state.onSubmit} noValidate>
      <h3 id={headingId}>{messages.formTitle}</h3>
      <Controller
        control={form.control}
        name="medication"
        render={({ field }) => (
          <CodeField
            label={messages.medication}
            help={messages.medicationHelp}
            required
            options={MEDICATION_CODES}
            value={field.value}
            onChange={field.onChange}
            onBlur={field.onBlur}
            name={field.name}
            inputRef={field.ref}
            error={errorOf('medication')}
          />
        )}
      />
      <Field label={messages.dosageText} help={messages.dosageTextHelp} error={errorOf('dosageText')}>
        {(control) => <input type="text" {...control} {...form.register('dosageText')} />}
      </Field>
      <div className={slot('fields', 'ck-Widget-grid')}>
        <Field label={messages.frequency} error={errorOf('frequency')}>
          {(control) => (
            <select {...control} {...form.register('frequency')}>
              <option value="">{messages.notSpecified}</option>
              <option value="1">{messages.frequencyOnce}</option>
              <option value="2">{messages.frequencyTwice}</option>
              <option value="3">{messages.frequencyThree}</option>
              <option value="4">{messages.frequencyFour}</option>
            </select>
          )}
        </Field>
        <Field label={messages.duration} error={errorOf('durationDays')}>
          {(control) => (
            <input type="number" inputMode="numeric" min={1} max={365} step={1} {...control} {...form.register('durationDays')} />
          )}
        </Field>
        <Field label={messages.quantity} help={suggestion || undefined} error={errorOf('quantity')}>
          {(control) => <input type="number" inputMode="decimal" min={0} step="any" {...control} {...form.register('quantity')} />}
        </Field>
        <Field label={messages.quantityUnit} help={messages.quantityUnitHelp} error={errorOf('quantityUnit')}>
          {(control) => <input type="text" {...control} {...form.register('quantityUnit')} />}
        </Field>
        <Field label={messages.refills} help={messages.refillsHelp} error={errorOf('refills')}>
          {(control) => (
            <input type="number" inputMode="numeric" min={0} max={MAX_REFILLS} step={1} {...control} {...form.register('refills')} />
          )}
        </Field>
        <Field label={messages.priority} error={errorOf('priority')}>
          {(control) => (
            <select {...control} {...form.register('priority')}>
              <option value="routine">{messages.priorityRoutine}</option>
              <option value="urgent">{messages.priorityUrgent}</option>
              <option value="asap">{messages.priorityAsap}</option>
              <option value="stat">{messages.priorityStat}</option>
            </select>
          )}
        </Field>
        <Field label={messages.category} error={errorOf('category')}>
          {(control) => (
            <select {...control} {...form.register('category')}>
              <option value="">{messages.notSpecified}</option>
              <option value="outpatient">{messages.categoryOutpatient}</option>
              <option value="inpatient">{messages.categoryInpatient}</option>
              <option value="community">{messages.categoryCommunity}</option>
              <option value="discharge">{messages.categoryDischarge}</option>
            </select>
          )}
        </Field>
        <Field label={messages.courseOfTherapy} error={errorOf('courseOfTherapy')}>
          {(control) => (
            <select {...control} {...form.register('courseOfTherapy')}>
              <option value="">{messages.notSpecified}</option>
              <option value="continuous">{messages.courseContinuous}</option>
              <option value="acute">{messages.courseAcute}</option>
              <option value="seasonal">{messages.courseSeasonal}</option>
            </select>
          )}
        </Field>
      </div>
      <label className={slot('substitution')}>
        <input type="checkbox" {...form.register('substitutionAllowed')} /> {messages.substitution}
      </label>
      <Field label={messages.note} error={errorOf('note')}>
        {(control) => <textarea rows={2} {...control} {...form.register('note')} />}
      </Field>
      {state.formErrors.length > 0 && <Notice tone="error">{state.formErrors.join(' ')}</Notice>}
      {state.error && <ErrorState title={messages.saveError} action="write" error={state.error} onRetry={() => void state.retry()} />}
      {state.status === 'success' && state.result && (
        <Notice tone="success">{formatMessage(messages.saved, { medication: conceptText(state.result.medicationCodeableConcept) })}</Notice>
      )}
      <div className={slot('actions', 'ck-Widget-actions')}>
        <Button type="submit" pending={state.status === 'submitting'} pendingLabel={messages.saving}>
          {messages.save}
        </Button>
      </div>
    </form>
  );
}

'use client';
/** The LabResultsWidget's order form: the test (LOINC suggestions or free text), category, status, when, conclusion. */
import { useId, type ReactNode } from 'react';
import { Controller } from 'react-hook-form';
import { LAB_CODES } from '../../codes/catalogues.ts';
import { formatMessage } from '../../i18n/messages.ts';
import { Button } from '../../ui/Button/Button.tsx';
import { CodeField } from '../../ui/CodeField/CodeField.tsx';
import { Field } from '../../ui/Field/Field.tsx';
import { conceptText } from '../../headless/fhir-display.ts';
import { Notice } from '../../ui/Notice/Notice.tsx';
import { ErrorState } from '../../ui/States/States.tsx';
import { statusLabel, type LabPartProps } from './LabRecords.tsx';
import { LAB_FORM_CATEGORIES, LAB_FORM_STATUSES } from './useLabResultsWidget.ts';

export function LabForm({ state, messages, slot }: LabPartProps): ReactNode {
  const { form, errorOf } = state;
  const headingId = useId();
  const categoryLabels = { LAB: messages.categoryLAB, RAD: messages.categoryRAD, PAT: messages.categoryPAT };
  return (
    <form className={slot('form', 'ck-Widget-form')} aria-labelledby={headingId} onSubmit={state.onSubmit} noValidate>
      <h3 id={headingId}>{messages.formTitle}</h3>
      <div className={slot('fields', 'ck-Widget-grid')}>
        <Controller
          control={form.control}
          name="code"
          render={({ field }) => (
            <CodeField
              label={messages.test}
              help={messages.testHelp}
              required
              options={LAB_CODES}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              name={field.name}
              inputRef={field.ref}
              error={errorOf('code')}
            />
          )}
        />
        <Field label={messages.category} error={errorOf('category')}>
          {(control) => (
            <select {...control} {...form.register('category')}>
              <option value="">{messages.notSpecified}</option>
              {LAB_FORM_CATEGORIES.map((category) => (
                <option key={category} value={category}>
                  {categoryLabels[category]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={messages.status} required error={errorOf('status')}>
          {(control) => (
            <select {...control} {...form.register('status')}>
              {LAB_FORM_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {statusLabel(status, messages)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className={slot('fields', 'ck-Widget-grid')}>
        <Field label={messages.effectiveStart} help={messages.effectiveStartHelp} error={errorOf('effectiveStart')}>
          {(control) => <input type="datetime-local" {...control} {...form.register('effectiveStart')} />}
        </Field>
        <Field label={messages.effectiveEnd} help={messages.effectiveEndHelp} error={errorOf('effectiveEnd')}>
          {(control) => <input type="datetime-local" {...control} {...form.register('effectiveEnd')} />}
        </Field>
      </div>
      <Field label={messages.conclusion} error={errorOf('conclusion')}>
        {(control) => <textarea rows={3} {...control} {...form.register('conclusion')} />}
      </Field>
      {state.formErrors.length > 0 && <Notice tone="error">{state.formErrors.join(' ')}</Notice>}
      {state.error && <ErrorState title={messages.saveError} action="write" error={state.error} onRetry={() => void state.retry()} />}
      {state.status === 'success' && state.result && (
        <Notice tone="success">{formatMessage(messages.saved, { test: conceptText(state.result.code) })}</Notice>
      )}
      <div className={slot('actions', 'ck-Widget-actions')}>
        <Button type="submit" pending={state.status === 'submitting'} pendingLabel={messages.saving}>
          {messages.save}
        </Button>
      </div>
    </form>
  );
}

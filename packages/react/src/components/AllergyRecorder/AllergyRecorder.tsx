'use client';
import type { AllergyIntolerance } from '@clinikapi/core';
import { useId, type ReactNode } from 'react';
import { Controller } from 'react-hook-form';
import { ALLERGEN_CODES } from '../../codes/catalogues.ts';
import { formatDate } from '../../i18n/format.ts';
import { formatMessage } from '../../i18n/messages.ts';
import { useWidgetMessages } from '../../i18n/widget-messages.ts';
import { useLocale } from '../../provider/context.ts';
import { Button } from '../../ui/Button/Button.tsx';
import { CodeField } from '../../ui/CodeField/CodeField.tsx';
import { Field } from '../../ui/Field/Field.tsx';
import { conceptCode, conceptText } from '../../headless/fhir-display.ts';
import { Notice } from '../../ui/Notice/Notice.tsx';
import { slotClasses } from '../../ui/slots.ts';
import { RecordsSection } from '../../ui/States/RecordsSection.tsx';
import { ErrorState } from '../../ui/States/States.tsx';
import type { WidgetProps } from '../../ui/widget-props.ts';
import { WidgetProvider } from '../../ui/WidgetRoot/WidgetProvider.tsx';
import { WidgetRoot } from '../../ui/WidgetRoot/WidgetRoot.tsx';
import { allergyRecorderMessages, type AllergyRecorderMessages } from './messages.ts';
import { allergenLabel, useAllergyRecorder, type AllergyCategory, type AllergyRecorderState } from './useAllergyRecorder.ts';

/** The inner parts of an AllergyRecorder that `classNames` can style. */
export type AllergyRecorderSlot = 'header' | 'title' | 'records' | 'record' | 'form' | 'fields' | 'actions';

export interface AllergyRecorderProps extends WidgetProps<AllergyRecorderSlot, AllergyIntolerance> {
  /** The practitioner recording the allergy; sent as the record's `recorder`. */
  readonly recorderId?: string;
}

/**
 * Records a patient's allergies and intolerances (FHIR AllergyIntolerance), after showing the ones already on
 * record. Works on its own with `proxyUrl`, or inside a `ClinikProvider`.
 */
export function AllergyRecorder({ proxyUrl, ...props }: AllergyRecorderProps): ReactNode {
  return (
    <WidgetProvider proxyUrl={proxyUrl}>
      {/* A new patient is a new form: nothing typed for one patient can be sent for another. */}
      <AllergyRecorderView key={props.patientId} {...props} />
    </WidgetProvider>
  );
}

function AllergyRecorderView(props: Omit<AllergyRecorderProps, 'proxyUrl'>): ReactNode {
  const { patientId, recorderId, theme, className, classNames, unstyled, onSuccess, onError } = props;
  const messages = useWidgetMessages('allergyRecorder', allergyRecorderMessages);
  const state = useAllergyRecorder({ patientId, recorderId, onSuccess, onError });
  const titleId = useId();
  const slot = slotClasses<AllergyRecorderSlot>('AllergyRecorder', { classNames, unstyled });

  return (
    <WidgetRoot
      widget="AllergyRecorder"
      theme={theme}
      className={className}
      unstyled={unstyled}
      labelledBy={titleId}
      state={{ status: state.status, records: state.recordsStatus }}
    >
      <div className={slot('header')}>
        <h2 id={titleId} className={slot('title')}>
          {messages.title}
        </h2>
      </div>
      <AllergyRecords state={state} messages={messages} slot={slot} />
      {state.writable && <AllergyForm state={state} messages={messages} slot={slot} />}
    </WidgetRoot>
  );
}

interface PartProps {
  readonly state: AllergyRecorderState;
  readonly messages: AllergyRecorderMessages;
  readonly slot: ReturnType<typeof slotClasses<AllergyRecorderSlot>>;
}

function AllergyRecords({ state, messages, slot }: PartProps): ReactNode {
  const locale = useLocale();
  return (
    <RecordsSection state={state} messages={messages}>
      <ul className={slot('records', 'ck-Widget-records')}>
        {state.records.map((allergy) => {
          const status = conceptCode(allergy.clinicalStatus);
          const reactions = allergy.reaction?.flatMap((reaction) => reaction.manifestation.map(conceptText)) ?? [];
          return (
            <li key={allergy.id} className={slot('record', 'ck-Widget-record')} data-status={status} data-criticality={allergy.criticality}>
              <span>
                <strong>{conceptText(allergy.code)}</strong>
                {reactions.length > 0 && <span> — {reactions.join(', ')}</span>}
              </span>
              <span className="ck-Widget-meta">
                {allergy.criticality === 'high' && <span className="ck-AllergyRecorder-critical">{messages.highCriticality} · </span>}
                {statusLabel(status, messages)}
                {allergy.recordedDate && ` · ${formatDate(allergy.recordedDate, locale)}`}
              </span>
            </li>
          );
        })}
      </ul>
    </RecordsSection>
  );
}

function statusLabel(status: string | undefined, messages: AllergyRecorderMessages): string {
  if (status === 'active') return messages.statusActive;
  if (status === 'inactive') return messages.statusInactive;
  if (status === 'resolved') return messages.statusResolved;
  return status ?? '';
}

function AllergyForm({ state, messages, slot }: PartProps): ReactNode {
  const { form, errorOf } = state;
  const headingId = useId();
  const categories: readonly [AllergyCategory, string][] = [
    ['food', messages.categoryFood],
    ['medication', messages.categoryMedication],
    ['environment', messages.categoryEnvironment],
    ['biologic', messages.categoryBiologic],
  ];
  return (
    <form className={slot('form', 'ck-Widget-form')} aria-labelledby={headingId} onSubmit={state.onSubmit} noValidate>
      <h3 id={headingId}>{messages.formTitle}</h3>
      <div className={slot('fields', 'ck-Widget-grid')}>
        <Controller
          control={form.control}
          name="code"
          render={({ field }) => (
            <CodeField
              label={messages.allergen}
              help={messages.allergenHelp}
              required
              options={ALLERGEN_CODES}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              name={field.name}
              inputRef={field.ref}
              error={errorOf('code')}
            />
          )}
        />
        <Field label={messages.type} error={errorOf('type')}>
          {(control) => (
            <select {...control} {...form.register('type')}>
              <option value="">{messages.notSpecified}</option>
              <option value="allergy">{messages.typeAllergy}</option>
              <option value="intolerance">{messages.typeIntolerance}</option>
            </select>
          )}
        </Field>
        <Field label={messages.criticality} error={errorOf('criticality')}>
          {(control) => (
            <select {...control} {...form.register('criticality')}>
              <option value="">{messages.notSpecified}</option>
              <option value="low">{messages.criticalityLow}</option>
              <option value="high">{messages.criticalityHigh}</option>
              <option value="unable-to-assess">{messages.criticalityUnable}</option>
            </select>
          )}
        </Field>
        <Field label={messages.clinicalStatus} required error={errorOf('clinicalStatus')}>
          {(control) => (
            <select {...control} {...form.register('clinicalStatus')}>
              <option value="active">{messages.statusActive}</option>
              <option value="inactive">{messages.statusInactive}</option>
              <option value="resolved">{messages.statusResolved}</option>
            </select>
          )}
        </Field>
      </div>
      <fieldset className="ck-AllergyRecorder-categories" aria-invalid={errorOf('category') ? true : undefined}>
        <legend>{messages.category}</legend>
        {categories.map(([value, label]) => (
          <label key={value} className="ck-AllergyRecorder-category">
            <input type="checkbox" value={value} {...form.register('category')} /> {label}
          </label>
        ))}
        {errorOf('category') && <p className="ck-Field-error">{errorOf('category')}</p>}
      </fieldset>
      <div className={slot('fields', 'ck-Widget-grid')}>
        <Field label={messages.manifestation} help={messages.manifestationHelp} error={errorOf('manifestation')}>
          {(control) => <input type="text" {...control} {...form.register('manifestation')} />}
        </Field>
        <Field label={messages.severity} error={errorOf('severity')}>
          {(control) => (
            <select {...control} {...form.register('severity')}>
              <option value="">{messages.notSpecified}</option>
              <option value="mild">{messages.severityMild}</option>
              <option value="moderate">{messages.severityModerate}</option>
              <option value="severe">{messages.severitySevere}</option>
            </select>
          )}
        </Field>
      </div>
      <Field label={messages.note} error={errorOf('note')}>
        {(control) => <textarea rows={3} {...control} {...form.register('note')} />}
      </Field>
      {state.formErrors.length > 0 && <Notice tone="error">{state.formErrors.join(' ')}</Notice>}
      {state.error && <ErrorState title={messages.saveError} action="write" error={state.error} onRetry={() => void state.retry()} />}
      {state.status === 'success' && state.result && (
        <Notice tone="success">{formatMessage(messages.saved, { allergen: allergenLabel(conceptText(state.result.code)) })}</Notice>
      )}
      <div className={slot('actions', 'ck-Widget-actions')}>
        <Button type="submit" pending={state.status === 'submitting'} pendingLabel={messages.saving}>
          {messages.save}
        </Button>
      </div>
    </form>
  );
}

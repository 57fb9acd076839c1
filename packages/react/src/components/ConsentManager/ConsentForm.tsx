'use client';
import { CONSENT_SCOPES } from '@clinikapi/core';
import { useId, type ReactNode } from 'react';
import { Controller, useWatch } from 'react-hook-form';
import { useCodeNames } from '../../codes/code-names.ts';
import { Button } from '../../ui/Button/Button.tsx';
import { Field } from '../../ui/Field/Field.tsx';
import { Notice } from '../../ui/Notice/Notice.tsx';
import { ErrorState } from '../../ui/States/States.tsx';
import { scopeLabel } from './consent-display.ts';
import type { ConsentManagerMessages } from './messages.ts';
import { SignatureField } from './SignatureField.tsx';
import { POLICY_ADDRESS, type ConsentManagerState } from './useConsentManager.ts';

/** Consent categories offered: the docs' `hipaa-notice` and FHIR's consent-category codes. */
export const DEFAULT_CATEGORY_OPTIONS: readonly string[] = [
  'hipaa-notice',
  'npp',
  'research',
  'treatment',
  'acd',
  'dnr',
  'polst',
  'hcd',
  'emrgonly',
];
/** Policies offered: codes of FHIR's consentpolicycodes that US clinics meet most. */
export const DEFAULT_POLICY_OPTIONS: readonly string[] = [
  'hipaa-auth',
  'hipaa-npp',
  'hipaa-research',
  'hipaa-restrictions',
  'hipaa-self-pay',
  'cric',
  'nih-hipaa',
];

export interface ConsentFormProps {
  readonly state: ConsentManagerState;
  readonly messages: ConsentManagerMessages;
  readonly categoryOptions: readonly string[];
  readonly policyOptions: readonly string[];
  readonly className: string | undefined;
  readonly fieldsClassName: string | undefined;
  readonly actionsClassName: string | undefined;
  /** `patient`: what a patient signing for themselves fills in — no provision details. */
  readonly variant: 'staff' | 'patient';
}

export function ConsentForm({
  state,
  messages,
  categoryOptions,
  policyOptions,
  className,
  fieldsClassName,
  actionsClassName,
  variant,
}: ConsentFormProps): ReactNode {
  const { form, errorOf } = state;
  const headingId = useId();
  const scopeErrorId = useId();
  const name = useCodeNames();
  const chosenPolicy = useWatch({ control: form.control, name: 'policy' });
  // A policy given up front that the list does not offer is offered too.
  const policies =
    chosenPolicy && chosenPolicy !== POLICY_ADDRESS && !policyOptions.includes(chosenPolicy)
      ? [chosenPolicy, ...policyOptions]
      : policyOptions;
  const scopeHelp: Record<string, string> = {
    'patient-privacy': messages.scopePrivacyHelp,
    research: messages.scopeResearchHelp,
    treatment: messages.scopeTreatmentHelp,
    adr: messages.scopeAdrHelp,
  };
  const intent = useWatch({ control: form.control, name: 'intent' });
  const submitting = state.status === 'submitting';

  return (
    <form className={className} aria-labelledby={headingId} onSubmit={state.onSubmit} noValidate>
      <h3 id={headingId}>{messages.formTitle}</h3>
      <fieldset
        role="radiogroup"
        className="ck-ConsentManager-scopes"
        aria-required="true"
        aria-invalid={errorOf('scope') ? true : undefined}
        aria-describedby={errorOf('scope') ? scopeErrorId : undefined}
      >
        <legend>
          {messages.scope}
          <span className="ck-Field-required" aria-hidden="true">
            {' *'}
          </span>
        </legend>
        {CONSENT_SCOPES.map((scope) => (
          <label key={scope} className="ck-ConsentManager-scope">
            <input type="radio" value={scope} {...form.register('scope')} />
            <span>
              <span className="ck-ConsentManager-scopeName">{scopeLabel(scope, messages)}</span>
              <span className="ck-Widget-meta">{scopeHelp[scope]}</span>
            </span>
          </label>
        ))}
        {errorOf('scope') && (
          <p id={scopeErrorId} className="ck-Field-error">
            {errorOf('scope')}
          </p>
        )}
      </fieldset>
      <div className={fieldsClassName}>
        <Field label={messages.category} required error={errorOf('category')}>
          {(control) => (
            <select {...control} {...form.register('category')}>
              <option value="">{messages.choose}</option>
              {categoryOptions.map((code) => (
                <option key={code} value={code}>
                  {name('consentCategory', code)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={messages.policy} help={messages.policyHelp} required error={errorOf('policy')}>
          {(control) => (
            <select {...control} {...form.register('policy')}>
              <option value="">{messages.choose}</option>
              {policies.map((code) => (
                <option key={code} value={code}>
                  {name('consentPolicy', code)}
                </option>
              ))}
              <option value={POLICY_ADDRESS}>{messages.policyByAddress}</option>
            </select>
          )}
        </Field>
        {chosenPolicy === POLICY_ADDRESS && (
          <Field label={messages.policyAddress} help={messages.policyAddressHelp} required error={errorOf('policyAddress')}>
            {(control) => <input type="url" autoComplete="off" {...control} {...form.register('policyAddress')} />}
          </Field>
        )}
      </div>
      {variant === 'staff' && (
        <div className={fieldsClassName}>
          <Field label={messages.provision} error={errorOf('provisionType')}>
            {(control) => (
              <select {...control} {...form.register('provisionType')}>
                <option value="">{messages.provisionNone}</option>
                <option value="permit">{messages.provisionPermit}</option>
                <option value="deny">{messages.provisionDeny}</option>
              </select>
            )}
          </Field>
          <Field label={messages.provisionStart} error={errorOf('provisionStart')}>
            {(control) => <input type="date" {...control} {...form.register('provisionStart')} />}
          </Field>
          <Field label={messages.provisionEnd} error={errorOf('provisionEnd')}>
            {(control) => <input type="date" {...control} {...form.register('provisionEnd')} />}
          </Field>
        </div>
      )}
      <Controller
        control={form.control}
        name="signature"
        render={({ field }) => (
          <SignatureField
            ref={field.ref}
            value={field.value}
            onChange={field.onChange}
            error={errorOf('signature')}
            messages={messages}
            className="ck-ConsentManager-signatureField"
          />
        )}
      />
      {state.formErrors.length > 0 && <Notice tone="error">{state.formErrors.join(' ')}</Notice>}
      {state.error && <ErrorState title={messages.saveError} action="write" error={state.error} onRetry={() => void state.retry()} />}
      {state.status === 'success' && state.result && (
        <Notice tone="success">{state.result.status === 'active' ? messages.signed : messages.drafted}</Notice>
      )}
      <div className={actionsClassName}>
        <Button
          type="submit"
          onClick={() => form.setValue('intent', 'sign')}
          pending={submitting && intent === 'sign'}
          pendingLabel={messages.signing}
        >
          {messages.sign}
        </Button>
        <Button
          type="submit"
          variant="secondary"
          onClick={() => form.setValue('intent', 'draft')}
          pending={submitting && intent === 'draft'}
          pendingLabel={messages.saving}
        >
          {messages.saveDraft}
        </Button>
      </div>
    </form>
  );
}

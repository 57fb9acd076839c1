'use client';
import type { Consent } from '@clinikapi/core';
import { useId, type ReactNode } from 'react';
import { useWidgetMessages } from '../../i18n/widget-messages.ts';
import { slotClasses } from '../../ui/slots.ts';
import type { WidgetProps } from '../../ui/widget-props.ts';
import { WidgetProvider } from '../../ui/WidgetRoot/WidgetProvider.tsx';
import { WidgetRoot } from '../../ui/WidgetRoot/WidgetRoot.tsx';
import { ConsentForm, DEFAULT_CATEGORY_OPTIONS, DEFAULT_POLICY_OPTIONS } from './ConsentForm.tsx';
import { ConsentList } from './ConsentList.tsx';
import { consentManagerMessages } from './messages.ts';
import { useConsentManager } from './useConsentManager.ts';

/** The inner parts of a ConsentManager that `classNames` can style. */
export type ConsentManagerSlot = 'header' | 'title' | 'records' | 'record' | 'form' | 'fields' | 'actions' | 'dialog';

export interface ConsentManagerProps extends WidgetProps<ConsentManagerSlot, Consent> {
  /**
   * The policy filled in at first: a consentpolicycodes code such as `hipaa-auth`, or your policy's URL. Default:
   * none — the user must name one, since a consent without a policy is invalid (FHIR ppc-1).
   */
  readonly defaultPolicy?: string;
  /** The categories offered, as codes (named from the shared code list). Default: `hipaa-notice` and FHIR's consent-category codes. */
  readonly categoryOptions?: readonly string[];
  /** The policies offered, as codes (named from the shared code list), besides one given by address. Default: the HIPAA codes of FHIR's consentpolicycodes. */
  readonly policyOptions?: readonly string[];
  /**
   * `patient` for a patient's own screen: the form asks what a patient decides (what, which policy, their
   * signature) without provision details, and a consent's steps are only those a patient takes (sign, withdraw).
   * Default `staff`.
   */
  readonly variant?: 'staff' | 'patient';
}

/**
 * Shows a patient's consents (FHIR Consent) with their status, moves them through their lifecycle, and records new
 * ones signed by drawing or by typing a name. Works on its own with `proxyUrl`, or inside a `ClinikProvider`.
 * `onSuccess` is called after every save: a new consent and each change of status.
 */
export function ConsentManager({ proxyUrl, ...props }: ConsentManagerProps): ReactNode {
  return (
    <WidgetProvider proxyUrl={proxyUrl}>
      <ConsentManagerView {...props} />
    </WidgetProvider>
  );
}

function ConsentManagerView(props: Omit<ConsentManagerProps, 'proxyUrl'>): ReactNode {
  const { patientId, defaultPolicy, theme, className, classNames, unstyled, onSuccess, onError } = props;
  const messages = useWidgetMessages('consentManager', consentManagerMessages);
  const state = useConsentManager({ patientId, defaultPolicy, onSuccess, onError });
  const titleId = useId();
  const slot = slotClasses<ConsentManagerSlot>('ConsentManager', { classNames, unstyled });

  return (
    <WidgetRoot
      widget="ConsentManager"
      theme={theme}
      className={className}
      unstyled={unstyled}
      labelledBy={titleId}
      state={{ status: state.status, records: state.recordsStatus, updating: state.pending?.action }}
    >
      <div className={slot('header')}>
        <h2 id={titleId} className={slot('title')}>
          {messages.title}
        </h2>
      </div>
      <ConsentList
        state={state}
        messages={messages}
        className={slot('records', 'ck-Widget-records')}
        itemClassName={slot('record', 'ck-Widget-record')}
        dialogClassName={classNames?.dialog}
        variant={props.variant ?? 'staff'}
      />
      {state.writable && (
        <ConsentForm
          state={state}
          messages={messages}
          categoryOptions={props.categoryOptions ?? DEFAULT_CATEGORY_OPTIONS}
          policyOptions={props.policyOptions ?? DEFAULT_POLICY_OPTIONS}
          className={slot('form', 'ck-Widget-form')}
          fieldsClassName={slot('fields', 'ck-Widget-grid')}
          actionsClassName={slot('actions', 'ck-Widget-actions')}
          variant={props.variant ?? 'staff'}
        />
      )}
    </WidgetRoot>
  );
}

'use client';
import type { Consent } from '@clinikapi/core';
import { useRef, type ReactNode } from 'react';
import { formatDateTime } from '../../i18n/format.ts';
import { codeNameMessages } from '../../codes/code-names.ts';
import { formatMessage } from '../../i18n/messages.ts';
import { useWidgetMessages } from '../../i18n/widget-messages.ts';
import { useLocale } from '../../provider/context.ts';
import { Button } from '../../ui/Button/Button.tsx';
import { RecordsSection } from '../../ui/States/RecordsSection.tsx';
import { ErrorState } from '../../ui/States/States.tsx';
import { useAnnounce } from '../../ui/WidgetRoot/announcer.ts';
import { consentName, policyOf, signatureOf, statusLabel } from './consent-display.ts';
import { consentActionsFor } from './consent-lifecycle.ts';
import { SignDialog, WithdrawDialog } from './ConsentDialogs.tsx';
import type { ConsentManagerMessages } from './messages.ts';
import type { ConsentManagerState } from './useConsentManager.ts';

export interface ConsentListProps {
  readonly state: ConsentManagerState;
  readonly messages: ConsentManagerMessages;
  readonly className: string | undefined;
  readonly itemClassName: string | undefined;
  readonly dialogClassName: string | undefined;
  readonly variant: 'staff' | 'patient';
}

/** The patient's consents, each with its status and what can be done next. */
export function ConsentList(props: ConsentListProps): ReactNode {
  const { state, messages, className } = props;
  return (
    <RecordsSection state={state} messages={messages}>
      <ul className={className}>
        {state.records.map((consent) => (
          <ConsentItem key={consent.id} consent={consent} {...props} />
        ))}
      </ul>
    </RecordsSection>
  );
}

function ConsentItem({
  consent,
  state,
  messages,
  itemClassName,
  dialogClassName,
  variant,
}: ConsentListProps & { readonly consent: Consent }): ReactNode {
  const locale = useLocale();
  const names = useWidgetMessages('codeNames', codeNameMessages);
  const announce = useAnnounce();
  const item = useRef<HTMLLIElement>(null);
  const name = consentName(consent, messages, names);
  const policy = policyOf(consent, names);
  const signature = signatureOf(consent);
  // The lifecycle steps are updates: none are offered to a user who may not make them. Sending a consent out for
  // signature and recording a refusal are the clinic's steps, not the patient's.
  const actions = state.updatable
    ? consentActionsFor(consent.status).filter((action) => variant === 'staff' || action === 'sign' || action === 'withdraw')
    : [];
  const failure = state.transitionError?.id === consent.id ? state.transitionError : null;
  const pendingAction = state.pending?.id === consent.id ? state.pending?.action : undefined;
  // A saved change refetches the list before it resolves: the step under way keeps its dialog until it is done,
  // even though the record's new status no longer offers it.
  const offers = (action: (typeof actions)[number]) => actions.includes(action) || pendingAction === action;
  const dialog = { consent, state, messages, className: dialogClassName, returnFocus: () => item.current?.focus() };

  const quick = async (action: 'propose' | 'reject') => {
    if (await state.transition(consent, action)) {
      announce(action === 'propose' ? messages.proposed : messages.rejected);
      item.current?.focus();
    }
  };

  return (
    // Focusable from script only: focus lands here after an action replaces the button that was pressed.
    <li ref={item} tabIndex={-1} className={itemClassName} data-status={consent.status}>
      <div className="ck-ConsentManager-recordHead">
        <strong>{name}</strong>
        <span className="ck-ConsentManager-status" data-status={consent.status}>
          {statusLabel(consent.status, messages)}
        </span>
      </div>
      <p className="ck-Widget-meta">
        {policy &&
          (policy.href ? (
            <a href={policy.href} target="_blank" rel="noreferrer noopener">
              {formatMessage(messages.policyLabel, { policy: policy.text })}
            </a>
          ) : (
            formatMessage(messages.policyLabel, { policy: policy.text })
          ))}
        {policy && consent.dateTime && ' · '}
        {consent.dateTime && formatMessage(messages.recordedOn, { date: formatDateTime(consent.dateTime, locale) })}
      </p>
      {signature?.kind === 'drawn' && (
        <figure className="ck-ConsentManager-signature">
          <img src={signature.src} alt={messages.signatureImage} />
          <figcaption className="ck-Widget-meta">{messages.signedDrawn}</figcaption>
        </figure>
      )}
      {signature?.kind === 'typed' && <p className="ck-Widget-meta">{formatMessage(messages.signedTyped, { name: signature.name })}</p>}
      {(actions.length > 0 || pendingAction) && (
        <div role="group" aria-label={formatMessage(messages.actionsFor, { consent: name })} className="ck-Widget-actions">
          {offers('sign') && <SignDialog {...dialog} />}
          {offers('propose') && (
            <Button
              variant="secondary"
              onClick={() => void quick('propose')}
              pending={pendingAction === 'propose'}
              pendingLabel={messages.saving}
            >
              {messages.propose}
            </Button>
          )}
          {offers('reject') && (
            <Button
              variant="ghost"
              onClick={() => void quick('reject')}
              pending={pendingAction === 'reject'}
              pendingLabel={messages.saving}
            >
              {messages.reject}
            </Button>
          )}
          {offers('withdraw') && <WithdrawDialog {...dialog} />}
        </div>
      )}
      {failure && (failure.action === 'propose' || failure.action === 'reject') && (
        <ErrorState
          title={messages.updateError}
          action="write"
          error={failure.error}
          onRetry={() => void quick(failure.action as 'propose' | 'reject')}
        />
      )}
      {/* A step whose dialog is gone (the consent changed meanwhile) still says why it failed. */}
      {failure && (failure.action === 'sign' || failure.action === 'withdraw') && !offers(failure.action) && (
        <ErrorState title={messages.updateError} action="write" error={failure.error} />
      )}
    </li>
  );
}

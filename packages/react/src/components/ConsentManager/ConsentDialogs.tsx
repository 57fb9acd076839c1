'use client';
/** The two lifecycle steps that need more than a click: signing (with a signature) and withdrawing (confirmed). */
import type { Consent } from '@clinikapi/core';
import { AlertDialog, Dialog } from 'radix-ui';
import { useRef, useState, type ReactNode } from 'react';
import { codeNameMessages } from '../../codes/code-names.ts';
import { formatMessage } from '../../i18n/messages.ts';
import { useWidgetMessages } from '../../i18n/widget-messages.ts';
import { cx } from '../../styles/class-names.ts';
import { Button } from '../../ui/Button/Button.tsx';
import { ErrorState } from '../../ui/States/States.tsx';
import { useAnnounce } from '../../ui/WidgetRoot/announcer.ts';
import { PortalRoot } from '../../ui/WidgetRoot/PortalRoot.tsx';
import { useWidgetScope } from '../../ui/WidgetRoot/widget-scope.ts';
import { consentName } from './consent-display.ts';
import type { ConsentManagerMessages } from './messages.ts';
import { SignatureField, type SignatureFieldHandle } from './SignatureField.tsx';
import { EMPTY_SIGNATURE, isSigned, type SignatureValue } from './signature.ts';
import type { ConsentManagerState } from './useConsentManager.ts';

export interface ConsentDialogProps {
  readonly consent: Consent;
  readonly state: ConsentManagerState;
  readonly messages: ConsentManagerMessages;
  /** The app's class for the dialog (`classNames.dialog`). */
  readonly className: string | undefined;
  /** Where focus goes when the dialog closes: the consent's row, since the button that opened it may be gone. */
  readonly returnFocus: () => void;
}

function failureFor(state: ConsentManagerState, consent: Consent, action: 'sign' | 'withdraw') {
  const failure = state.transitionError;
  return failure && failure.id === consent.id && failure.action === action ? failure.error : null;
}

export function SignDialog({ consent, state, messages, className, returnFocus }: ConsentDialogProps): ReactNode {
  const { unstyled } = useWidgetScope();
  const names = useWidgetMessages('codeNames', codeNameMessages);
  const [open, setOpen] = useState(false);
  const [signature, setSignature] = useState<SignatureValue>(EMPTY_SIGNATURE);
  const [error, setError] = useState<string | undefined>(undefined);
  const field = useRef<SignatureFieldHandle>(null);
  const announce = useAnnounce();
  const pending = state.pending?.id === consent.id && state.pending?.action === 'sign';
  const failure = failureFor(state, consent, 'sign');

  const sign = async () => {
    if (!isSigned(signature)) {
      setError(messages.signatureRequired);
      field.current?.focus();
      return;
    }
    if (await state.transition(consent, 'sign', signature)) {
      setOpen(false);
      announce(messages.activated);
    }
  };

  return (
    <Dialog.Root
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) {
          setSignature(EMPTY_SIGNATURE);
          setError(undefined);
        }
      }}
    >
      <Dialog.Trigger asChild>
        <Button variant="primary">{messages.signAction}</Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        {/* In a portal at the end of the page, outside the widget: PortalRoot brings its scope and theme along. */}
        <PortalRoot>
          <Dialog.Overlay className={cx(!unstyled && 'ck-ConsentManager-overlay')} />
          <Dialog.Content
            className={cx(!unstyled && 'ck-ConsentManager-dialog', className)}
            onCloseAutoFocus={(event) => {
              event.preventDefault();
              returnFocus();
            }}
          >
            <Dialog.Title>{messages.signDialogTitle}</Dialog.Title>
            <Dialog.Description>
              {formatMessage(messages.signDialogDescription, { consent: consentName(consent, messages, names) })}
            </Dialog.Description>
            <SignatureField
              ref={field}
              value={signature}
              onChange={(next) => {
                setSignature(next);
                if (error && isSigned(next)) setError(undefined);
              }}
              error={error}
              messages={messages}
            />
            {failure && <ErrorState title={messages.updateError} action="write" error={failure} />}
            <div className="ck-Widget-actions">
              <Button onClick={() => void sign()} pending={pending} pendingLabel={messages.signing}>
                {messages.sign}
              </Button>
              <Dialog.Close asChild>
                <Button variant="secondary">{messages.cancel}</Button>
              </Dialog.Close>
            </div>
          </Dialog.Content>
        </PortalRoot>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

export function WithdrawDialog({ consent, state, messages, className, returnFocus }: ConsentDialogProps): ReactNode {
  const { unstyled } = useWidgetScope();
  const names = useWidgetMessages('codeNames', codeNameMessages);
  const [open, setOpen] = useState(false);
  const announce = useAnnounce();
  const pending = state.pending?.id === consent.id && state.pending?.action === 'withdraw';
  const failure = failureFor(state, consent, 'withdraw');

  const withdraw = async () => {
    if (await state.transition(consent, 'withdraw')) {
      setOpen(false);
      announce(messages.withdrawn);
    }
  };

  return (
    <AlertDialog.Root open={open} onOpenChange={setOpen}>
      <AlertDialog.Trigger asChild>
        <Button variant="destructive-outline">{messages.withdraw}</Button>
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        {/* In a portal at the end of the page, outside the widget: PortalRoot brings its scope and theme along. */}
        <PortalRoot>
          <AlertDialog.Overlay className={cx(!unstyled && 'ck-ConsentManager-overlay')} />
          <AlertDialog.Content
            className={cx(!unstyled && 'ck-ConsentManager-dialog', className)}
            onCloseAutoFocus={(event) => {
              event.preventDefault();
              returnFocus();
            }}
          >
            <AlertDialog.Title>{messages.withdrawTitle}</AlertDialog.Title>
            <AlertDialog.Description>
              {formatMessage(messages.withdrawDescription, { consent: consentName(consent, messages, names) })}
            </AlertDialog.Description>
            {failure && <ErrorState title={messages.updateError} action="write" error={failure} />}
            <div className="ck-Widget-actions">
              {/* Not AlertDialog.Action: that closes at once, before the change is saved or refused. */}
              <Button variant="destructive" onClick={() => void withdraw()} pending={pending} pendingLabel={messages.saving}>
                {messages.withdrawConfirm}
              </Button>
              <AlertDialog.Cancel asChild>
                <Button variant="secondary">{messages.cancel}</Button>
              </AlertDialog.Cancel>
            </div>
          </AlertDialog.Content>
        </PortalRoot>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}

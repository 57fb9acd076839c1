'use client';
import { Tabs } from 'radix-ui';
import { forwardRef, useId, useImperativeHandle, useRef } from 'react';
import { Button } from '../../ui/Button/Button.tsx';
import type { ConsentManagerMessages } from './messages.ts';
import { SignaturePad } from './SignaturePad.tsx';
import type { SignatureValue } from './signature.ts';

export interface SignatureFieldProps {
  readonly value: SignatureValue;
  readonly onChange: (value: SignatureValue) => void;
  readonly error?: string | undefined;
  readonly messages: ConsentManagerMessages;
  readonly className?: string | undefined;
}

/** What a form can do with the field: focus it when it holds the first error. */
export interface SignatureFieldHandle {
  focus: () => void;
}

/**
 * Signing by drawing (pointer) or by typing one's name (keyboard): two tabs, so each way is a full alternative rather
 * than a fallback hidden behind the other. Radix Tabs give the arrow-key tab list screen readers expect.
 */
export const SignatureField = forwardRef<SignatureFieldHandle, SignatureFieldProps>(function SignatureField(
  { value, onChange, error, messages, className },
  ref,
) {
  const labelId = useId();
  const errorId = useId();
  const hintId = useId();
  const nameId = useId();
  const tabsRef = useRef<HTMLDivElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);

  useImperativeHandle(ref, () => ({
    // The typed name when typing; otherwise the active tab, from which both ways are one key away.
    focus: () =>
      value.mode === 'type'
        ? nameRef.current?.focus()
        : tabsRef.current?.querySelector<HTMLElement>('[role="tab"][data-state="active"]')?.focus(),
  }));

  const errorText = error && (
    <p id={errorId} className="ck-Field-error">
      {error}
    </p>
  );

  return (
    <div className={className} data-invalid={error ? '' : undefined}>
      <p id={labelId} className="ck-ConsentManager-label">
        {messages.signature}
      </p>
      <Tabs.Root
        ref={tabsRef}
        value={value.mode}
        onValueChange={(mode) => onChange({ ...value, mode: mode as SignatureValue['mode'] })}
        className="ck-ConsentManager-signatureTabs"
      >
        <Tabs.List aria-labelledby={labelId} className="ck-ConsentManager-tabList">
          <Tabs.Trigger value="draw" className="ck-ConsentManager-tab">
            {messages.drawTab}
          </Tabs.Trigger>
          <Tabs.Trigger value="type" className="ck-ConsentManager-tab">
            {messages.typeTab}
          </Tabs.Trigger>
        </Tabs.List>
        <Tabs.Content value="draw" className="ck-ConsentManager-tabPanel">
          <SignaturePad
            strokes={value.strokes}
            onChange={(strokes) => onChange({ ...value, strokes })}
            label={messages.drawLabel}
            describedBy={[hintId, error ? errorId : undefined].filter(Boolean).join(' ')}
            invalid={Boolean(error)}
            className="ck-ConsentManager-pad"
          />
          <div className="ck-ConsentManager-padFooter">
            <p id={hintId} className="ck-Field-help">
              {messages.drawHint} <span aria-live="polite">{value.strokes.length > 0 ? messages.drawDone : messages.drawEmpty}</span>
            </p>
            <Button variant="secondary" onClick={() => onChange({ ...value, strokes: [] })} disabled={value.strokes.length === 0}>
              {messages.clear}
            </Button>
          </div>
          {errorText}
        </Tabs.Content>
        <Tabs.Content value="type" className="ck-ConsentManager-tabPanel">
          <div className="ck-Field" data-invalid={error ? '' : undefined}>
            <label htmlFor={nameId} className="ck-Field-label">
              {messages.typedName}
            </label>
            <input
              ref={nameRef}
              id={nameId}
              type="text"
              autoComplete="name"
              value={value.name}
              onChange={(event) => onChange({ ...value, name: event.target.value })}
              aria-describedby={[`${nameId}-help`, error ? errorId : undefined].filter(Boolean).join(' ')}
              aria-invalid={error ? true : undefined}
            />
            <p id={`${nameId}-help`} className="ck-Field-help">
              {messages.typedNameHelp}
            </p>
            {value.name.trim() && (
              <p className="ck-ConsentManager-typedPreview" aria-hidden="true">
                {value.name}
              </p>
            )}
            {errorText}
          </div>
        </Tabs.Content>
      </Tabs.Root>
    </div>
  );
});

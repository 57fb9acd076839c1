'use client';
import type { PatientSummary } from '@clinikapi/core';
import type { ReactNode } from 'react';
import type { ClinikApiError } from '../../client/errors.ts';
import { Button } from '../../ui/Button/Button.tsx';
import { Notice } from '../../ui/Notice/Notice.tsx';
import { ErrorState, ForbiddenState } from '../../ui/States/States.tsx';
import { Heading, type HeadingLevel } from '../PatientRecord/Heading.tsx';
import type { PatientDashboardMessages } from './messages.ts';
import { PatientFields } from './PatientForm.tsx';
import { usePatientCreate } from './usePatientCreate.ts';

export interface CreateViewProps {
  readonly messages: PatientDashboardMessages;
  readonly level: HeadingLevel;
  /** Id of the form's heading, which also names the dashboard. */
  readonly headingId: string;
  readonly onCreated: (patient: PatientSummary) => void;
  readonly onError: ((error: ClinikApiError) => void) | undefined;
  readonly className: string | undefined;
}

/** A new patient: names required, contact details optional, validated by the API's schema before anything is sent. */
export function CreateView({ messages, level, headingId, onCreated, onError, className }: CreateViewProps): ReactNode {
  const state = usePatientCreate({ onCreated, onError });
  if (state.writable === false) {
    return (
      <div className={className}>
        <Heading level={level} id={headingId}>
          {messages.createTitle}
        </Heading>
        <ForbiddenState />
      </div>
    );
  }
  if (state.writable === undefined) return null;
  return (
    <form className={className} aria-labelledby={headingId} onSubmit={state.onSubmit} noValidate>
      <Heading level={level} id={headingId}>
        {messages.createTitle}
      </Heading>
      <p className="ck-RecordList-meta">{messages.createIntro}</p>
      <PatientFields form={state.form} errorOf={state.errorOf} messages={messages} address={false} />
      {state.formErrors.length > 0 && <Notice tone="error">{state.formErrors.join(' ')}</Notice>}
      {state.error && <ErrorState title={messages.createError} action="write" error={state.error} onRetry={() => void state.retry()} />}
      <div className="ck-Widget-actions">
        <Button type="submit" pending={state.status === 'submitting'} pendingLabel={messages.creating}>
          {messages.create}
        </Button>
      </div>
    </form>
  );
}

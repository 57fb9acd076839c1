'use client';
import type { PatientSummary } from '@clinikapi/core';
import { useId, useRef, type ReactNode } from 'react';
import type { ClinikApiError } from '../../client/errors.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { formatMessage } from '../../i18n/messages.ts';
import { useLocale } from '../../provider/context.ts';
import { Button } from '../../ui/Button/Button.tsx';
import { Notice } from '../../ui/Notice/Notice.tsx';
import { ErrorState, Skeleton } from '../../ui/States/States.tsx';
import { Heading, type HeadingLevel } from '../PatientRecord/Heading.tsx';
import type { PatientDashboardMessages } from './messages.ts';
import { fieldLabel } from './patient-form-rules.ts';
import { PatientFields } from './PatientForm.tsx';
import { usePatientEdit, type PatientConflict } from './usePatientEdit.ts';
import { useFocusEffect } from '../../headless/focus.ts';

export interface EditViewProps {
  readonly patient: PatientSummary;
  readonly messages: PatientDashboardMessages;
  readonly level: HeadingLevel;
  readonly onSaved: (patient: PatientSummary) => void;
  readonly onCancel: () => void;
  readonly onError: ((error: ClinikApiError) => void) | undefined;
  readonly className: string | undefined;
}

/** The patient's details, editable; a save that would overwrite someone else's shows their change instead. */
export function EditView({ patient, messages, level, onSaved, onCancel, onError, className }: EditViewProps): ReactNode {
  const state = usePatientEdit({ patient, onSaved, onError });
  const headingId = useId();
  const { setFocus } = state.form;
  useFocusEffect(() => setFocus('firstName'), [setFocus]);

  return (
    <form
      className={className}
      aria-labelledby={headingId}
      onSubmit={state.onSubmit}
      noValidate
      data-conflict={state.conflict ? '' : undefined}
    >
      <Heading level={level} id={headingId}>
        {formatMessage(messages.editTitle, { name: patient.fullName })}
      </Heading>
      {state.loadingLatest && <Skeleton lines={2} />}
      {state.conflict && <ConflictPanel conflict={state.conflict} messages={messages} onReview={state.reviewLatest} onDiscard={onCancel} />}
      {state.replaced && (
        <Notice tone="info">
          {messages.reviewing}
          {state.replaced.length > 0 &&
            ` ${formatMessage(messages.replacedFields, { fields: state.replaced.map((field) => fieldLabel(field, messages)).join(', ') })}`}
        </Notice>
      )}
      <PatientFields form={state.form} errorOf={state.errorOf} messages={messages} address />
      {state.formErrors.length > 0 && <Notice tone="error">{state.formErrors.join(' ')}</Notice>}
      {state.error && <ErrorState title={messages.saveError} action="write" error={state.error} onRetry={() => void state.retry()} />}
      <div className="ck-Widget-actions">
        <Button type="submit" pending={state.status === 'submitting'} pendingLabel={messages.saving} disabled={state.conflict !== null}>
          {messages.save}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {messages.cancel}
        </Button>
      </div>
    </form>
  );
}

interface ConflictPanelProps {
  readonly conflict: PatientConflict;
  readonly messages: PatientDashboardMessages;
  readonly onReview: () => void;
  readonly onDiscard: () => void;
}

function ConflictPanel({ conflict, messages, onReview, onDiscard }: ConflictPanelProps): ReactNode {
  const locale = useLocale();
  const reviewRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  // The user's next decision is here: move focus to it, as the alert is read out.
  useFocusEffect(() => reviewRef.current?.focus(), []);
  const shown = (value: string) => value.trim() || messages.conflictEmpty;
  return (
    <div className="ck-PatientDashboard-conflict" role="alert" aria-labelledby={titleId}>
      <p id={titleId} className="ck-PatientDashboard-conflictTitle">
        {messages.conflictTitle}
      </p>
      <p>{messages.conflictHelp}</p>
      <table>
        <caption className="ck-RecordList-meta">
          {formatMessage(messages.conflictSavedAt, { time: formatDateTime(conflict.latest.meta.lastUpdated, locale) })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{messages.conflictField}</th>
            <th scope="col">{messages.conflictTheirs}</th>
            <th scope="col">{messages.conflictYours}</th>
          </tr>
        </thead>
        <tbody>
          {conflict.fields.map((field) => (
            <tr key={field.field} data-clash={field.clash || undefined}>
              <th scope="row">{fieldLabel(field.field, messages)}</th>
              <td>{shown(field.theirs)}</td>
              <td>{shown(field.yours)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="ck-Widget-actions">
        <Button ref={reviewRef} onClick={onReview}>
          {messages.reviewLatest}
        </Button>
        <Button variant="secondary" onClick={onDiscard}>
          {messages.discardMine}
        </Button>
      </div>
    </div>
  );
}

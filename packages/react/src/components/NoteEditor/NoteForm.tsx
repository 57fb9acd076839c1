'use client';
/** The NoteEditor's form: type and status, tags, title, and the markdown text with a preview and its draft. */
import type { NoteType } from '@clinikapi/core';
import { useId, type ReactNode } from 'react';
import { NOTE_TYPES } from '../../codes/catalogues.ts';
import { useCodeNames } from '../../codes/code-names.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { formatMessage } from '../../i18n/messages.ts';
import { useLocale } from '../../provider/context.ts';
import { Button } from '../../ui/Button/Button.tsx';
import { Field } from '../../ui/Field/Field.tsx';
import { Notice } from '../../ui/Notice/Notice.tsx';
import { ErrorState } from '../../ui/States/States.tsx';
import { renderMarkdown } from '../../ui/Markdown/markdown.tsx';
import type { NotePartProps } from './NoteRecords.tsx';

export function NoteForm({ state, messages, slot }: NotePartProps): ReactNode {
  const { form, errorOf } = state;
  const locale = useLocale();
  const headingId = useId();
  const previewId = useId();
  const name = useCodeNames();
  // Named as a clinician says them, from the shared code list: the LOINC code is sent, not shown.
  const typeOptions: readonly (readonly [NoteType, string])[] = [...NOTE_TYPES.map(({ type }) => type), 'other' as const].map(
    (type) => [type, name('noteType', type)] as const,
  );
  return (
    <form className={slot('form', 'ck-Widget-form')} aria-labelledby={headingId} onSubmit={state.onSubmit} noValidate>
      <h3 id={headingId}>{messages.formTitle}</h3>
      <div className={slot('fields', 'ck-Widget-grid')}>
        <Field label={messages.type} error={errorOf('type')}>
          {(control) => (
            <select {...control} {...form.register('type')}>
              {typeOptions.map(([type, label]) => (
                <option key={type} value={type}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={messages.docStatus} error={errorOf('docStatus')}>
          {(control) => (
            <select {...control} {...form.register('docStatus')}>
              <option value="preliminary">{messages.docStatusPreliminary}</option>
              <option value="final">{messages.docStatusFinal}</option>
              <option value="amended">{messages.docStatusAmended}</option>
            </select>
          )}
        </Field>
        <Field label={messages.category} help={messages.categoryHelp} error={errorOf('category')}>
          {(control) => <input type="text" {...control} {...form.register('category')} />}
        </Field>
        <Field label={messages.practiceSetting} help={messages.practiceSettingHelp} error={errorOf('practiceSetting')}>
          {(control) => <input type="text" {...control} {...form.register('practiceSetting')} />}
        </Field>
      </div>
      <Field label={messages.noteTitle} required error={errorOf('title')}>
        {(control) => <input type="text" {...control} {...form.register('title')} />}
      </Field>
      <Field label={messages.content} help={messages.contentHelp} required error={errorOf('content')} className={slot('editor')}>
        {(control) => <textarea rows={10} spellCheck {...control} {...form.register('content')} />}
      </Field>
      <div className={slot('actions', 'ck-Widget-actions')}>
        <Button variant="secondary" aria-expanded={state.previewOpen} aria-controls={previewId} onClick={state.togglePreview}>
          {state.previewOpen ? messages.hidePreview : messages.showPreview}
        </Button>
      </div>
      <section id={previewId} aria-label={messages.preview} className={slot('preview', 'ck-Markdown')} hidden={!state.previewOpen}>
        {state.previewOpen && (state.content.trim() ? renderMarkdown(state.content) : <p>{messages.nothingToPreview}</p>)}
      </section>
      {state.draft.status !== 'none' && (
        <p className={slot('draft', 'ck-Widget-meta')} data-draft={state.draft.status}>
          {formatMessage(state.draft.status === 'restored' ? messages.draftRestored : messages.draftSaved, {
            time: formatDateTime(state.draft.savedAt, locale),
          })}{' '}
          <Button variant="ghost" onClick={state.discardDraft}>
            {messages.discardDraft}
          </Button>
        </p>
      )}
      {state.formErrors.length > 0 && <Notice tone="error">{state.formErrors.join(' ')}</Notice>}
      {state.error && <ErrorState title={messages.saveError} action="write" error={state.error} onRetry={() => void state.retry()} />}
      {state.status === 'success' && state.result && (
        <Notice tone="success">{formatMessage(messages.saved, { title: state.result.description ?? '' })}</Notice>
      )}
      <div className={slot('actions', 'ck-Widget-actions')}>
        <Button type="submit" pending={state.status === 'submitting'} pendingLabel={messages.saving}>
          {messages.save}
        </Button>
      </div>
    </form>
  );
}

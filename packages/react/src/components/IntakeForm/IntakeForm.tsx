'use client';
import type { QuestionnaireResponse } from '@clinikapi/core';
import { useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useAccess } from '../../access/useAccess.ts';
import type { ClinikApiError } from '../../client/errors.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { formatMessage } from '../../i18n/messages.ts';
import { useWidgetMessages } from '../../i18n/widget-messages.ts';
import { useLocale } from '../../provider/context.ts';
import { Button } from '../../ui/Button/Button.tsx';
import { Notice } from '../../ui/Notice/Notice.tsx';
import { slotClasses } from '../../ui/slots.ts';
import { ErrorState, ForbiddenState, Skeleton } from '../../ui/States/States.tsx';
import type { WidgetProps } from '../../ui/widget-props.ts';
import { useAnnounce } from '../../ui/WidgetRoot/announcer.ts';
import { WidgetProvider } from '../../ui/WidgetRoot/WidgetProvider.tsx';
import { WidgetRoot } from '../../ui/WidgetRoot/WidgetRoot.tsx';
import { defaultIntakeQuestionnaire, intakeQuestionnaireMessages } from './default-questionnaire.ts';
import { intakeFormMessages, type IntakeFormMessages } from './messages.ts';
import type { Questionnaire } from './questionnaire/types.ts';
import { QuestionnaireItems } from './QuestionnaireItems.tsx';
import { useIntakeDraft } from './useIntakeDraft.ts';
import { useIntakeForm, type IntakeFormState } from './useIntakeForm.ts';
import { useFocusEffect } from '../../headless/focus.ts';

/** The inner parts of an IntakeForm that `classNames` can style. */
export type IntakeFormSlot = 'header' | 'title' | 'autosave' | 'form' | 'page' | 'actions' | 'done';

export interface IntakeFormProps extends WidgetProps<IntakeFormSlot, QuestionnaireResponse> {
  /** The FHIR Questionnaire to ask. Default: a three-page patient intake, worded by the `intakeQuestionnaire` messages. */
  readonly questionnaire?: Questionnaire;
  /** The encounter the answers belong to. */
  readonly encounterId?: string;
  /** What asked for the intake: `ServiceRequest/…` or `CarePlan/…` references, sent as `basedOn`. */
  readonly basedOn?: readonly string[];
  /** What the intake is part of: `Observation/…` or `Procedure/…` references, sent as `partOf`. */
  readonly partOf?: readonly string[];
  /** Milliseconds after the last change before the answers are saved as `in-progress`. Default 1500; 0 turns it off. */
  readonly autosaveDelay?: number;
  /** Continue the patient's unfinished answers to this questionnaire, if there are any. Default true. */
  readonly resume?: boolean;
}

/**
 * Asks a FHIR Questionnaire and records the answers as a QuestionnaireResponse (`intakes`): every answer type, nested
 * and repeating groups, `enableWhen`, required items and pages. Answers are saved as the patient goes and picked up
 * again on the next visit; Submit sends them as `completed`. Works on its own with `proxyUrl`, or inside a
 * `ClinikProvider`.
 */
export function IntakeForm({ proxyUrl, ...props }: IntakeFormProps): ReactNode {
  return (
    <WidgetProvider proxyUrl={proxyUrl}>
      <IntakeFormView {...props} />
    </WidgetProvider>
  );
}

type Slot = ReturnType<typeof slotClasses<IntakeFormSlot>>;

function IntakeFormView(props: Omit<IntakeFormProps, 'proxyUrl'>): ReactNode {
  const { patientId, theme, className, classNames, unstyled } = props;
  const messages = useWidgetMessages('intakeForm', intakeFormMessages);
  const wording = useWidgetMessages('intakeQuestionnaire', intakeQuestionnaireMessages);
  const fallback = useMemo(() => defaultIntakeQuestionnaire(wording), [wording]);
  const questionnaire = props.questionnaire ?? fallback;
  const access = useAccess();
  // Answers are saved as the patient goes: without create, nothing could be kept; without search, no draft is looked up.
  const writable = access.pending ? undefined : access.can('intakes', 'create') !== false;
  const lookup = useIntakeDraft({
    patientId,
    questionnaire,
    enabled: (props.resume ?? true) && writable === true && access.can('intakes', 'search') !== false,
  });
  const titleId = useId();
  const slot = slotClasses<IntakeFormSlot>('IntakeForm', { classNames, unstyled });

  return (
    <WidgetRoot
      widget="IntakeForm"
      theme={theme}
      className={className}
      unstyled={unstyled}
      labelledBy={titleId}
      state={{ lookup: lookup.status }}
    >
      <div className={slot('header')}>
        <h2 id={titleId} className={slot('title')}>
          {questionnaire.title ?? messages.title}
        </h2>
      </div>
      {writable === false ? (
        <ForbiddenState />
      ) : writable === undefined || lookup.status === 'loading' ? (
        <div aria-busy="true">
          <p className="ck-visually-hidden">{messages.loading}</p>
          <Skeleton lines={4} />
        </div>
      ) : (
        // The session starts from what the lookup found when it first answered; later refetches change nothing.
        <IntakeSession
          {...props}
          questionnaire={questionnaire}
          draft={lookup.draft}
          lookupError={lookup.status === 'error' ? lookup.error : null}
          retryLookup={lookup.retry}
          titleId={titleId}
          messages={messages}
          slot={slot}
        />
      )}
    </WidgetRoot>
  );
}

interface SessionProps extends Omit<IntakeFormProps, 'proxyUrl' | 'questionnaire'> {
  readonly questionnaire: Questionnaire;
  readonly draft: QuestionnaireResponse | undefined;
  readonly lookupError: ClinikApiError | null;
  readonly retryLookup: () => void;
  readonly titleId: string;
  readonly messages: IntakeFormMessages;
  readonly slot: Slot;
}

/** Where focus goes after the next render: the new page's heading, the first problem, or the thank-you. */
type FocusRequest = { readonly target: 'page' | 'problem' | 'done'; readonly serial: number };

function IntakeSession(props: SessionProps): ReactNode {
  const { messages, slot, draft } = props;
  const locale = useLocale();
  const announce = useAnnounce();
  const state = useIntakeForm(props);
  const [resumedAt] = useState(() => draft && (draft.meta?.lastUpdated ?? draft.authored));
  const [focus, setFocus] = useState<FocusRequest | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const pageHeading = useRef<HTMLHeadingElement>(null);
  const done = useRef<HTMLHeadingElement>(null);
  const pageTitle = state.paged ? state.definitionOf(state.pageItems[0]?.key ?? '')?.text : undefined;

  useFocusEffect(() => {
    if (!focus) return;
    if (focus.target === 'page') pageHeading.current?.focus();
    if (focus.target === 'done') done.current?.focus();
    if (focus.target === 'problem') firstProblemControl(formRef.current)?.focus();
  }, [focus]);

  const request = (target: FocusRequest['target']) => setFocus((current) => ({ target, serial: (current?.serial ?? 0) + 1 }));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!state.isLastPage) {
      request(state.next() ? 'page' : 'problem');
      // Leaving a page is a natural moment to keep what was typed on it.
      void state.save();
      return;
    }
    if (await state.submit()) {
      announce(messages.completed);
      request('done');
    } else {
      request('problem');
    }
  };

  if (state.status === 'completed') {
    return (
      <div className={slot('done')}>
        <h3 ref={done} tabIndex={-1}>
          {messages.completedTitle}
        </h3>
        <p>{messages.completed}</p>
      </div>
    );
  }

  const count = state.shownIssues.length;
  return (
    <>
      <AutosaveStatus state={state} messages={messages} className={slot('autosave')} />
      {props.lookupError && <ErrorState title={messages.resumeError} error={props.lookupError} onRetry={props.retryLookup} />}
      {resumedAt && <Notice tone="info">{formatMessage(messages.resumed, { date: formatDateTime(resumedAt, locale) })}</Notice>}
      <form
        ref={formRef}
        className={slot('form', 'ck-Widget-form')}
        aria-labelledby={props.titleId}
        onSubmit={(event) => void onSubmit(event)}
        noValidate
      >
        {state.paged && (
          <div className={slot('page')}>
            <p className="ck-IntakeForm-step">
              {formatMessage(messages.pageOf, { page: state.pageNumber, pages: state.pageCount }, locale)}
            </p>
            <h3 ref={pageHeading} tabIndex={-1}>
              {pageTitle}
            </h3>
          </div>
        )}
        <QuestionnaireItems form={state} messages={messages} nodes={state.paged ? (state.pageItems[0]?.items ?? []) : state.pageItems} />
        {state.submitAttempted && count > 0 && (
          <Notice tone="error">{count === 1 ? messages.issuesOne : formatMessage(messages.issuesMany, { count }, locale)}</Notice>
        )}
        {state.submitError && state.serverIssues.size === 0 && (
          <ErrorState title={messages.submitError} action="write" error={state.submitError} onRetry={() => void state.submit()} />
        )}
        <div className={slot('actions', 'ck-Widget-actions ck-IntakeForm-actions')}>
          {!state.isFirstPage && (
            <Button
              variant="secondary"
              onClick={() => {
                state.back();
                request('page');
              }}
            >
              {messages.back}
            </Button>
          )}
          {state.isLastPage ? (
            <Button type="submit" pending={state.status === 'submitting'} pendingLabel={messages.submitting}>
              {messages.submit}
            </Button>
          ) : (
            <Button type="submit">{messages.next}</Button>
          )}
        </div>
      </form>
    </>
  );
}

/** The control that describes itself with the first error shown in the form (for a group, its first option). */
function firstProblemControl(form: HTMLFormElement | null): HTMLElement | null {
  const error = form?.querySelector<HTMLElement>('.ck-Field-error[id]');
  if (!form || !error) return null;
  const described = form.querySelector<HTMLElement>(`[aria-describedby~="${CSS.escape(error.id)}"]`);
  if (described?.tagName === 'FIELDSET') return described.querySelector<HTMLElement>('input:not(:disabled)') ?? described;
  return described;
}

function AutosaveStatus({
  state,
  messages,
  className,
}: {
  readonly state: IntakeFormState;
  readonly messages: IntakeFormMessages;
  readonly className: string | undefined;
}): ReactNode {
  const locale = useLocale();
  if (state.autosave === 'idle') return null;
  return (
    <div className={className} data-state={state.autosave}>
      {state.autosave === 'saving' && <p>{messages.saving}</p>}
      {state.autosave === 'saved' && state.savedAt && (
        <p>{formatMessage(messages.saved, { time: new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(state.savedAt) })}</p>
      )}
      {state.autosave === 'error' && (
        <p role="status">
          {messages.saveError}{' '}
          <Button variant="ghost" onClick={() => void state.save()}>
            {messages.saveNow}
          </Button>
        </p>
      )}
    </div>
  );
}

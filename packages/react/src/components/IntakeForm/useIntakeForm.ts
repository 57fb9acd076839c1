'use client';
/**
 * The headless IntakeForm: `useQuestionnaire` plus the server. Answers are saved as an `in-progress` response a moment
 * after each change (created once, then updated with If-Match), and sent as `completed` on submit (`intakes.submit`).
 * A save whose create may or may not have reached the server is replayed with the same Idempotency-Key before
 * anything else, so one sitting never leaves two drafts.
 */
import type { IntakeCreate, IntakeItemInput, QuestionnaireResponse } from '@clinikapi/core';
import { useEffect, useRef, useState } from 'react';
import { ClinikApiError, ClinikConflictError, ClinikValidationError } from '../../client/errors.ts';
import { useCreateIntake, useUpdateIntake } from '../../hooks/resources/intakes.ts';
import type { Questionnaire } from './questionnaire/types.ts';
import { questionnaireReference } from './useIntakeDraft.ts';
import { useQuestionnaire, type QuestionnaireForm } from './useQuestionnaire.ts';
import type { WidgetHookOptions } from '../../headless/widget-hook-options.ts';

export interface UseIntakeFormOptions extends WidgetHookOptions<QuestionnaireResponse> {
  readonly questionnaire: Questionnaire;
  /** An unfinished response to continue (see `useIntakeDraft`). */
  readonly draft?: QuestionnaireResponse | undefined;
  /** The encounter the answers belong to. */
  readonly encounterId?: string | undefined;
  /** What asked for the intake: `ServiceRequest/…` or `CarePlan/…` references (a bare id is a ServiceRequest). */
  readonly basedOn?: readonly string[] | undefined;
  /** What the intake is part of: `Observation/…` or `Procedure/…` references (a bare id is an Observation). */
  readonly partOf?: readonly string[] | undefined;
  /** Milliseconds after the last change before the answers are saved. Default 1500; 0 turns autosave off. */
  readonly autosaveDelay?: number | undefined;
}

export type AutosaveStatus = 'idle' | 'saving' | 'saved' | 'error';
export type IntakeSubmitStatus = 'editing' | 'submitting' | 'completed' | 'error';

export interface IntakeFormState extends QuestionnaireForm {
  readonly autosave: AutosaveStatus;
  /** When the answers were last saved. */
  readonly savedAt: Date | undefined;
  readonly saveError: ClinikApiError | null;
  /** Saves now (also "try again" after a failed autosave). */
  readonly save: () => Promise<void>;
  readonly status: IntakeSubmitStatus;
  readonly submitError: ClinikApiError | null;
  /** Server problems with particular answers, by instance key. */
  readonly serverIssues: ReadonlyMap<string, string>;
  /** Validates, then sends the answers as `completed`. Resolves true when they were accepted. */
  readonly submit: () => Promise<boolean>;
  /** The completed response. */
  readonly result: QuestionnaireResponse | undefined;
  /** The id of the saved response, once there is one. */
  readonly responseId: string | undefined;
  /** True once Submit was tried: every problem is then shown. */
  readonly submitAttempted: boolean;
}

export function useIntakeForm(options: UseIntakeFormOptions): IntakeFormState {
  const { patientId, questionnaire, autosaveDelay = 1500 } = options;
  const form = useQuestionnaire({ questionnaire, saved: options.draft?.item });
  const create = useCreateIntake();
  const update = useUpdateIntake();

  const [responseId, setResponseId] = useState(options.draft?.id);
  const [autosave, setAutosave] = useState<AutosaveStatus>('idle');
  const [savedAt, setSavedAt] = useState<Date | undefined>(undefined);
  const [saveError, setSaveError] = useState<ClinikApiError | null>(null);
  const [status, setStatus] = useState<IntakeSubmitStatus>('editing');
  const [submitError, setSubmitError] = useState<ClinikApiError | null>(null);
  const [serverIssues, setServerIssues] = useState<ReadonlyMap<string, string>>(new Map());
  const [result, setResult] = useState<QuestionnaireResponse | undefined>(undefined);
  const [submitAttempted, setSubmitAttempted] = useState(false);

  // What the asynchronous saving works from; kept current by an effect, read only outside rendering.
  const live = useRef({ form, status });
  const id = useRef(options.draft?.id);
  const savedRevision = useRef(0);
  const inFlight = useRef<Promise<void> | null>(null);
  const queued = useRef(false);
  /** A create whose outcome is unknown: replayed as it is (same body, same key) before anything else is sent. */
  const unsettledCreate = useRef<IntakeCreate | null>(null);
  const submitInput = useRef<{ revision: number; input: IntakeCreate } | null>(null);
  /**
   * After a 409 (the draft changed elsewhere, usually the same patient in another tab), the version the server
   * reported: the next save is based on it, so the answers on this screen — the ones the patient sees — win.
   */
  const conflictVersion = useRef<string | undefined>(undefined);
  useEffect(() => {
    live.current = { form, status };
  });

  const reference = questionnaireReference(questionnaire);
  const baseInput = (items: IntakeItemInput[], responseStatus: 'in-progress' | 'completed'): IntakeCreate => ({
    patientId,
    status: responseStatus,
    items,
    ...(reference ? { questionnaire: reference } : {}),
    ...(options.encounterId ? { encounterId: options.encounterId } : {}),
    ...(options.basedOn?.length ? { basedOn: [...options.basedOn] } : {}),
    ...(options.partOf?.length ? { partOf: [...options.partOf] } : {}),
  });

  /** Creates the draft if it does not exist yet; returns its id and whether it already holds `items`. */
  const ensureDraft = async (items: IntakeItemInput[]): Promise<{ id: string; current: boolean }> => {
    if (id.current) return { id: id.current, current: false };
    const replay = unsettledCreate.current !== null;
    const input = unsettledCreate.current ?? baseInput(items, 'in-progress');
    unsettledCreate.current = input;
    const created = await create.mutateAsync(input);
    unsettledCreate.current = null;
    id.current = created.id;
    setResponseId(created.id);
    return { id: created.id as string, current: !replay };
  };

  const saveOnce = async (): Promise<void> => {
    const { form: latest } = live.current;
    const revision = latest.revision;
    const { items } = latest.response();
    if (items.length === 0 && !id.current) {
      savedRevision.current = revision;
      return;
    }
    setAutosave('saving');
    try {
      const draft = await ensureDraft(items);
      if (!draft.current && items.length > 0) {
        await update.mutateAsync({ id: draft.id, changes: { items, status: 'in-progress' }, version: conflictVersion.current });
        conflictVersion.current = undefined;
      }
      savedRevision.current = revision;
      setSaveError(null);
      setSavedAt(new Date());
      setAutosave('saved');
    } catch (caught) {
      if (caught instanceof ClinikConflictError) conflictVersion.current = caught.currentVersion;
      setSaveError(caught as ClinikApiError);
      setAutosave('error');
    }
  };

  const save = (): Promise<void> => {
    if (inFlight.current) {
      queued.current = true;
      return inFlight.current;
    }
    const running = saveOnce().finally(() => {
      inFlight.current = null;
      if (queued.current && (live.current.status === 'editing' || live.current.status === 'error')) {
        queued.current = false;
        void save();
      }
    });
    inFlight.current = running;
    return running;
  };

  useEffect(() => {
    // Not while the answers are being sent or after: a late draft save must never reopen a completed response.
    if (autosaveDelay <= 0 || status === 'submitting' || status === 'completed' || form.revision === savedRevision.current)
      return undefined;
    const timer = setTimeout(() => void save(), autosaveDelay);
    return () => clearTimeout(timer);
    // `save` reads everything it needs from refs; the timer restarts only when the answers change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [form.revision, status, autosaveDelay]);

  const submit = async (): Promise<boolean> => {
    setSubmitAttempted(true);
    if (form.validate().length > 0) return false;
    const { items, paths } = form.response();
    setStatus('submitting');
    setSubmitError(null);
    setServerIssues(new Map());
    try {
      await inFlight.current;
      let completed: QuestionnaireResponse;
      if (id.current || unsettledCreate.current) {
        const draft = await ensureDraft(items);
        completed = await update.mutateAsync({
          id: draft.id,
          changes: { items, status: 'completed', authored: new Date().toISOString() },
          version: conflictVersion.current,
        });
        conflictVersion.current = undefined;
      } else {
        // The same input object while nothing changed, so "try again" reuses its Idempotency-Key.
        if (submitInput.current?.revision !== form.revision)
          submitInput.current = { revision: form.revision, input: baseInput(items, 'completed') };
        completed = await create.mutateAsync(submitInput.current.input);
      }
      setResult(completed);
      setStatus('completed');
      options.onSuccess?.(completed);
      return true;
    } catch (caught) {
      const error =
        caught instanceof ClinikApiError ? caught : new ClinikApiError({ status: 0, code: 'CLIENT_ERROR', message: String(caught) });
      if (error instanceof ClinikConflictError) conflictVersion.current = error.currentVersion;
      if (error instanceof ClinikValidationError) {
        const placed = new Map<string, string>();
        for (const [path, messages] of Object.entries(error.fieldErrors)) {
          const at = paths.get(path.replace(/\.value\w+$/, '')) ?? paths.get(path.replace(/\.answer\.\d+.*$/, ''));
          if (at) placed.set(at.key, messages.join(' '));
        }
        setServerIssues(placed);
      }
      setSubmitError(error);
      setStatus('error');
      options.onError?.(error);
      return false;
    }
  };

  return {
    ...form,
    autosave,
    savedAt,
    saveError,
    save,
    status,
    submitError,
    serverIssues,
    submit,
    result,
    responseId,
    submitAttempted,
  };
}

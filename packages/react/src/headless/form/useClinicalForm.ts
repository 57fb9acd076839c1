'use client';
/**
 * The state machine behind every widget form. The form's values are turned into the API input and validated by the
 * core create schema — literally the rules the API enforces — before anything is sent. Validation issues, from that
 * check or from the server (422), land on the field they belong to; one that belongs to no visible field (the
 * patient the widget was given, say) is shown for the whole form, never dropped. Whatever was typed survives a
 * failed submit, and "Try again" re-sends the very same input, so the data layer reuses its Idempotency-Key and a
 * retried create is never applied twice. The form resets only after a success.
 */
import { useRef, useState } from 'react';
import {
  get,
  set,
  useForm,
  type DefaultValues,
  type FieldErrors,
  type FieldValues,
  type Path,
  type Resolver,
  type UseFormReturn,
} from 'react-hook-form';
import type { ResourcePath } from '@clinikapi/core';
import type * as z from 'zod/mini';
import { useAccess } from '../../access/useAccess.ts';
import { ClinikApiError, ClinikValidationError } from '../../client/errors.ts';
import { useLocale } from '../../provider/context.ts';
import { localiseIssue, useValidationMessages } from './validation.ts';

export type ClinicalFormStatus = 'idle' | 'submitting' | 'success' | 'error';

/** Where a problem that belongs to no visible field is kept (`form.formState.errors.root.form`). */
const FORM_LEVEL = 'root.form';

/** A problem a widget's own rule found in what was typed, on one of the form's fields. */
export interface FieldIssue<TValues extends FieldValues> {
  readonly field: Path<TValues>;
  readonly message: string;
}

export interface UseClinicalFormOptions<TValues extends FieldValues, TSchema extends z.ZodMiniType, TResult> {
  /** What the form starts with, and returns to after a successful save. */
  readonly defaultValues: DefaultValues<TValues>;
  /** The API's create (or update) schema from `@clinikapi/core`: it validates `toInput(values)`. */
  readonly schema: TSchema;
  /** Turns what was typed into the API input (adds the patient, builds components, drops blanks...). */
  readonly toInput: (values: TValues) => unknown;
  /** Sends the validated input: usually a mutation's `mutateAsync`. */
  readonly submit: (input: z.output<TSchema>) => Promise<TResult>;
  /**
   * The widget's own rules, on the values as typed, checked together with the schema: what the API input cannot
   * show (text that is not a number, a reading no body produces, two fields that only make sense together). Its
   * issues win over the schema's on the same field.
   */
  readonly validate?: (values: TValues) => readonly FieldIssue<TValues>[];
  /**
   * The form field an issue path of the input belongs to (`component.0.valueQuantity.value` → `heartRate`), or
   * undefined for none; `input` is the body the path is in (what `toInput` built, or what was sent). Default: the
   * path's first segment, when the form has a field of that name.
   */
  readonly fieldOf?: (issuePath: string, input: unknown) => Path<TValues> | undefined;
  readonly onSuccess?: ((result: TResult) => void) | undefined;
  readonly onError?: ((error: ClinikApiError) => void) | undefined;
  /** What the form writes, for `writable`: the resource path and the interaction (default `create`). */
  readonly writes?: { readonly path: ResourcePath; readonly interaction?: 'create' | 'update' } | undefined;
}

export interface ClinicalForm<TValues extends FieldValues, TResult> {
  /**
   * Whether to show the form: false when the user's access rules the write out (known up front, or learned from a
   * 403) — except right after this form's own 403, so it can say so; undefined while their access is being read.
   */
  readonly writable: boolean | undefined;
  readonly form: UseFormReturn<TValues>;
  /** `<form onSubmit={onSubmit}>`. */
  readonly onSubmit: (event?: { preventDefault(): void }) => Promise<void>;
  readonly status: ClinicalFormStatus;
  /** A failure no field can show: network, server, conflict, permission. */
  readonly error: ClinikApiError | null;
  /** Validation problems that belong to no visible field, as sentences. */
  readonly formErrors: readonly string[];
  /** The record the last successful submit saved. */
  readonly result: TResult | undefined;
  /** Sends the last failed input again, unchanged. */
  readonly retry: () => Promise<void>;
  /** The message to show under a field. */
  readonly errorOf: (name: Path<TValues>) => string | undefined;
}

interface Issue {
  readonly path: string;
  readonly message: string;
  /** Set when the issue is already about a form field (from `validate`). */
  readonly field?: string | undefined;
}

export function useClinicalForm<TValues extends FieldValues, TSchema extends z.ZodMiniType, TResult>(
  options: UseClinicalFormOptions<TValues, TSchema, TResult>,
): ClinicalForm<TValues, TResult> {
  const { defaultValues, schema, toInput } = options;
  const validation = useValidationMessages();
  const locale = useLocale();
  const say = (message: string) => localiseIssue(message, validation, locale);
  const fieldNames = new Set(Object.keys(defaultValues as object));
  const fieldOf = options.fieldOf ?? ((path: string) => (fieldNames.has(path.split('.')[0] ?? '') ? (path as Path<TValues>) : undefined));

  /** Places issues on their fields; the rest go to the form-level list. Returns whether any went to a field. */
  const errorsFrom = (issues: readonly Issue[], input: unknown): FieldErrors<TValues> => {
    const errors: FieldErrors<TValues> = {};
    const unplaced: string[] = [];
    for (const issue of issues) {
      const field = (issue.field as Path<TValues> | undefined) ?? fieldOf(issue.path, input);
      if (field === undefined) unplaced.push(issue.path ? `${issue.path}: ${issue.message}` : issue.message);
      else if (get(errors, field) === undefined) set(errors, field, { type: 'validation', message: issue.message });
    }
    if (unplaced.length > 0) set(errors, FORM_LEVEL, { type: 'validation', message: unplaced.join('\n') });
    return errors;
  };

  // The resolver's "values" are the parsed API input, which is what onValid receives and submit sends.
  const resolver: Resolver<TValues> = async (values) => {
    const input = toInput(values);
    const own = options.validate?.(values) ?? [];
    const parsed = schema.safeParse(input);
    if (parsed.success && own.length === 0) return { values: parsed.data as TValues, errors: {} };
    const issues: Issue[] = own.map((issue) => ({ path: issue.field, message: issue.message, field: issue.field }));
    if (!parsed.success) {
      issues.push(...parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: say(issue.message) })));
    }
    return { values: {}, errors: errorsFrom(issues, input) };
  };

  const form = useForm<TValues>({ resolver, defaultValues, mode: 'onTouched', shouldFocusError: true });
  const access = useAccess();
  const [status, setStatus] = useState<ClinicalFormStatus>('idle');
  const [error, setError] = useState<ClinikApiError | null>(null);
  const [result, setResult] = useState<TResult | undefined>(undefined);
  const lastFailedInput = useRef<{ input: z.output<TSchema> } | null>(null);

  const showServerIssues = (failure: ClinikValidationError, input: unknown): void => {
    const issues = Object.entries(failure.fieldErrors).map(([path, messages]) => ({ path, message: messages.map(say).join(' ') }));
    const errors = errorsFrom(issues.length > 0 ? issues : [{ path: '', message: failure.message }], input);
    let first = true;
    const place = (name: string, node: unknown): void => {
      const message = (node as { message?: unknown }).message;
      if (typeof message === 'string') {
        form.setError(name as Path<TValues>, { type: 'server', message }, { shouldFocus: first && name !== FORM_LEVEL });
        if (name !== FORM_LEVEL) first = false;
        return;
      }
      for (const [child, value] of Object.entries(node as object)) place(name ? `${name}.${child}` : child, value);
    };
    place('', errors);
  };

  const send = async (input: z.output<TSchema>): Promise<void> => {
    setStatus('submitting');
    setError(null);
    try {
      const saved = await options.submit(input);
      lastFailedInput.current = null;
      setResult(saved);
      setStatus('success');
      form.reset(defaultValues);
      options.onSuccess?.(saved);
    } catch (caught) {
      const failure =
        caught instanceof ClinikApiError
          ? caught
          : new ClinikApiError({ status: 0, code: 'CLIENT_ERROR', message: caught instanceof Error ? caught.message : 'Failed' });
      lastFailedInput.current = { input };
      if (failure instanceof ClinikValidationError) showServerIssues(failure, input);
      else setError(failure);
      setStatus('error');
      options.onError?.(failure);
    }
  };

  const formLevel = (get(form.formState.errors, FORM_LEVEL) as { message?: string } | undefined)?.message;
  const writes = options.writes;
  return {
    writable:
      !writes || (access.pending ? undefined : access.can(writes.path, writes.interaction ?? 'create') !== false || error?.status === 403),
    form,
    onSubmit: async (event) => {
      event?.preventDefault();
      await form.handleSubmit(async (input) => send(input as z.output<TSchema>))();
    },
    status,
    error,
    formErrors: formLevel ? formLevel.split('\n') : [],
    result,
    retry: async () => {
      if (lastFailedInput.current) await send(lastFailedInput.current.input);
    },
    errorOf: (name) => (get(form.formState.errors, name) as { message?: string } | undefined)?.message,
  };
}

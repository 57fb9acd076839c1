'use client';
/**
 * The state machine behind every widget form: react-hook-form validating with the same zod schemas the API
 * enforces, a submit that maps server field errors (422) back onto the fields, and a retry that re-sends the very
 * same input — so the data layer reuses its Idempotency-Key and a retried create can never be applied twice.
 * Whatever was typed survives a failed submit; the form only resets after a success.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useRef, useState } from 'react';
import { useForm, type DefaultValues, type FieldValues, type Path, type UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import { ClinikApiError, ClinikValidationError } from '../../client/errors.ts';

export type ClinicalFormStatus = 'idle' | 'submitting' | 'success' | 'error';

export interface UseClinicalFormOptions<TSchema extends z.ZodType<FieldValues, FieldValues>, TInput, TResult> {
  /** Validates the form's values; usually a core create schema, narrowed to the fields the form shows. */
  readonly schema: TSchema;
  readonly defaultValues: DefaultValues<z.input<TSchema>>;
  /** Turns valid values into the API input (adds the patient, builds components...). */
  readonly toInput: (values: z.output<TSchema>) => TInput;
  /** Sends the input: a mutation's `mutateAsync`. */
  readonly submit: (input: TInput) => Promise<TResult>;
  /**
   * Which form field a server issue path belongs to (`component.0.valueQuantity.value` → `heartRate`). Default:
   * the path itself when the form has such a field.
   */
  readonly fieldOf?: (issuePath: string) => string | undefined;
  readonly onSuccess?: ((result: TResult) => void) | undefined;
  readonly onError?: ((error: ClinikApiError) => void) | undefined;
}

export interface ClinicalForm<TSchema extends z.ZodType<FieldValues, FieldValues>, TResult> {
  readonly form: UseFormReturn<z.input<TSchema>, unknown, z.output<TSchema>>;
  /** `<form onSubmit={onSubmit}>`. */
  readonly onSubmit: (event?: { preventDefault(): void }) => Promise<void>;
  readonly status: ClinicalFormStatus;
  /** The failure that no field can show (network, server, conflict, permission). */
  readonly error: ClinikApiError | null;
  /** The record the last successful submit saved. */
  readonly result: TResult | undefined;
  /** Sends the last failed input again, unchanged. */
  readonly retry: () => Promise<void>;
  /** The message to show under a field, client- or server-side. */
  readonly errorOf: (name: Path<z.input<TSchema>>) => string | undefined;
}

function messageAt(errors: unknown, name: string): string | undefined {
  let node: unknown = errors;
  for (const part of name.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  const message = (node as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' ? message : undefined;
}

export function useClinicalForm<TSchema extends z.ZodType<FieldValues, FieldValues>, TInput, TResult>(
  options: UseClinicalFormOptions<TSchema, TInput, TResult>,
): ClinicalForm<TSchema, TResult> {
  const form = useForm<z.input<TSchema>, unknown, z.output<TSchema>>({
    // The resolver's generic bounds are looser than the schema's; the values it yields are the schema's output.
    resolver: zodResolver(options.schema as never) as never,
    defaultValues: options.defaultValues,
    mode: 'onTouched',
    shouldFocusError: true,
  });
  const [status, setStatus] = useState<ClinicalFormStatus>('idle');
  const [error, setError] = useState<ClinikApiError | null>(null);
  const [result, setResult] = useState<TResult | undefined>(undefined);
  const lastFailedInput = useRef<{ input: TInput } | null>(null);

  const fieldNames = (): Set<string> => new Set(Object.keys(form.getValues() as object));
  const fieldOf = options.fieldOf ?? ((path: string) => (fieldNames().has(path.split('.')[0] ?? '') ? path : undefined));

  const send = async (input: TInput): Promise<void> => {
    setStatus('submitting');
    setError(null);
    try {
      const saved = await options.submit(input);
      lastFailedInput.current = null;
      setResult(saved);
      setStatus('success');
      form.reset(options.defaultValues);
      options.onSuccess?.(saved);
    } catch (caught) {
      const failure =
        caught instanceof ClinikApiError
          ? caught
          : new ClinikApiError({ status: 0, code: 'CLIENT_ERROR', message: caught instanceof Error ? caught.message : 'Failed' });
      lastFailedInput.current = { input };
      let placed = 0;
      if (failure instanceof ClinikValidationError) {
        for (const [path, messages] of Object.entries(failure.fieldErrors)) {
          const field = fieldOf(path);
          if (!field) continue;
          form.setError(field as Path<z.input<TSchema>>, { type: 'server', message: messages.join(' ') }, { shouldFocus: placed === 0 });
          placed += 1;
        }
      }
      // Field errors speak for themselves; anything left over is shown for the whole form.
      const unplaced = !(failure instanceof ClinikValidationError) || placed < Object.keys(failure.fieldErrors).length || placed === 0;
      setError(unplaced ? failure : null);
      setStatus('error');
      options.onError?.(failure);
    }
  };

  return {
    form,
    onSubmit: async (event) => {
      event?.preventDefault();
      await form.handleSubmit(async (values) => send(options.toInput(values)))();
    },
    status,
    error,
    result,
    retry: async () => {
      if (lastFailedInput.current) await send(lastFailedInput.current.input);
    },
    errorOf: (name) => messageAt(form.formState.errors, name),
  };
}

/**
 * The core schemas speak the API's English ("Required when the status is booked"). A widget that wants its own,
 * translatable wording for some issues wraps the schema: each issue keeps its path, and `reword` may replace its
 * message. A `.superRefine` cannot do this — its issues come after the core schema's, and a form shows the first issue
 * per field. The wrapper only overrides `safeParse` (what `useClinicalForm` calls), so no zod code is imported here.
 */
import type * as z from 'zod/mini';

/** An issue as the schema reported it: its dotted path and message. */
export interface SchemaIssue {
  readonly path: string;
  readonly message: string;
}

export function rewordIssues<TSchema extends z.ZodMiniType>(
  schema: TSchema,
  reword: (issue: SchemaIssue, input: unknown) => string | undefined,
): TSchema {
  const safeParse = (input: unknown, params?: Parameters<TSchema['safeParse']>[1]) => {
    const parsed = schema.safeParse(input, params);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        // ZodError keeps its issues as plain objects; rewording in place keeps everything else about the error.
        (issue as { message: string }).message =
          reword({ path: issue.path.map(String).join('.'), message: issue.message }, input) ?? issue.message;
      }
    }
    return parsed;
  };
  return Object.create(schema, { safeParse: { value: safeParse } }) as TSchema;
}

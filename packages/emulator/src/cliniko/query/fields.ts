/** The types a filterable or sortable field can have, and how a resource declares its fields. */

export type FieldType = 'date' | 'datetime' | 'integer' | 'string' | 'boolean';

export interface FieldSpec {
  readonly type: FieldType;
  /** The stored field, when the wire name differs (the legacy `/appointments` names `starts_at` `appointment_start`). */
  readonly source?: string;
}

/** Field name on the wire → its type (or spec). */
export type FieldTable = Readonly<Record<string, FieldType | FieldSpec>>;

export function specOf(fields: FieldTable, name: string): Required<FieldSpec> | undefined {
  if (!Object.hasOwn(fields, name)) return undefined;
  const entry = fields[name] as FieldType | FieldSpec;
  return typeof entry === 'string' ? { type: entry, source: name } : { type: entry.type, source: entry.source ?? name };
}

/** `created_at`, `updated_at` and `id`: every resource can be filtered on them. */
export const COMMON_FIELDS = { created_at: 'datetime', updated_at: 'datetime', id: 'integer' } as const satisfies FieldTable;

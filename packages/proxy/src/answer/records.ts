/**
 * Where the records of an answer are. ClinikAPI answers `{ data: record, meta }` for a read or a write and
 * `{ data: { data: [records], total, cursor, hasMore }, meta }` for a search; include directives may add records
 * under `included` (beside `data`, or inside the page), or the answer's `data` may be a FHIR Bundle whose `match`
 * entries are what was asked for and whose other entries were carried along. Anything else is not an answer the
 * proxy can vouch for.
 */
import type { Interaction } from '../call.ts';

/** One record of an answer, and how to take it out. */
export interface RecordSlot {
  readonly record: unknown;
  /** `primary`: what the call asked for; `included`: carried along by an include directive or a Bundle. */
  readonly role: 'primary' | 'included';
  /** Removes the record from the answer (in place). */
  remove(): void;
}

export interface AnswerRecords {
  readonly slots: readonly RecordSlot[];
  /** The Bundle entries that answer a read by id, when the answer is a Bundle. */
  readonly bundle: Record<string, unknown> | undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Put in place of a removed list item until `compact` drops them all in one pass, so indexes stay valid meanwhile. */
const REMOVED = Symbol('removed');

function listSlot(list: unknown[], index: number, role: RecordSlot['role'], removed: Set<unknown[]>): RecordSlot {
  return {
    record: list[index],
    role,
    remove() {
      removed.add(list);
      list[index] = REMOVED;
    },
  };
}

const listSlots = (list: unknown[], role: RecordSlot['role'], removed: Set<unknown[]>): RecordSlot[] =>
  list.map((_record, index) => listSlot(list, index, role, removed));

/**
 * The records of a successful answer, or `undefined` when its shape is not one the proxy knows (the caller fails
 * closed). Removing slots edits `body` in place; call the returned `compact()` after the last removal.
 */
export function answerRecords(
  body: unknown,
  interaction: Interaction,
  id: string | undefined,
): (AnswerRecords & { compact(): void }) | undefined {
  if (!isObject(body) || !('data' in body)) return undefined;
  const removed = new Set<unknown[]>();
  const slots: RecordSlot[] = [];
  const data = body.data;

  const addIncluded = (container: unknown): boolean => {
    if (container === undefined) return true;
    if (!Array.isArray(container)) return false;
    slots.push(...listSlots(container, 'included', removed));
    return true;
  };
  if (!addIncluded(body.included)) return undefined;

  let bundle: Record<string, unknown> | undefined;
  if (interaction === 'search') {
    if (!isObject(data) || !Array.isArray(data.data)) return undefined;
    slots.push(...listSlots(data.data, 'primary', removed));
    if (!addIncluded(data.included)) return undefined;
  } else if (isObject(data) && data.resourceType === 'Bundle') {
    bundle = data;
    if (data.entry !== undefined) {
      if (!Array.isArray(data.entry)) return undefined;
      const entries = data.entry;
      for (const [index, entry] of entries.entries()) {
        if (!isObject(entry)) return undefined;
        const resource = entry.resource;
        const matches =
          isObject(resource) && ((isObject(entry.search) && entry.search.mode === 'match') || (id !== undefined && resource.id === id));
        slots.push({ ...listSlot(entries, index, matches ? 'primary' : 'included', removed), record: resource });
      }
    }
  } else {
    slots.push({
      record: data,
      role: 'primary',
      remove() {
        body.data = null;
      },
    });
  }
  return {
    slots,
    bundle,
    compact() {
      for (const list of removed) {
        let write = 0;
        for (const item of list) if (item !== REMOVED) list[write++] = item;
        list.length = write;
      }
    },
  };
}

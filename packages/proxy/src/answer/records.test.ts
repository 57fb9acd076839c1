import { describe, expect, it } from 'vitest';
import { answerRecords } from './records.ts';

const roles = (body: unknown, interaction: Parameters<typeof answerRecords>[1], id?: string) =>
  answerRecords(body, interaction, id)?.slots.map(
    (slot) => `${slot.role}:${(slot.record as { id?: string } | null)?.id ?? String(slot.record)}`,
  );

describe('finding the records of an answer', () => {
  it('reads a record, a page, and included records beside either', () => {
    expect(roles({ data: { id: 'a' }, included: [{ id: 'i1' }] }, 'read', 'a')).toEqual(['included:i1', 'primary:a']);
    expect(roles({ data: { data: [{ id: 'a' }, { id: 'b' }], included: [{ id: 'i' }] } }, 'search')).toEqual([
      'primary:a',
      'primary:b',
      'included:i',
    ]);
    expect(roles({ data: null }, 'update')).toEqual(['primary:null']);
  });

  it('tells a Bundle’s match from what it carried, by search mode or by the id asked for', () => {
    const bundle = {
      data: {
        resourceType: 'Bundle',
        entry: [
          { resource: { id: 'p1' } },
          { resource: { id: 'o1' }, search: { mode: 'include' } },
          { resource: { id: 'x' }, search: { mode: 'match' } },
        ],
      },
    };
    expect(roles(bundle, 'read', 'p1')).toEqual(['primary:p1', 'included:o1', 'primary:x']);
  });

  it('refuses shapes it does not know', () => {
    const unknown: [unknown, 'read' | 'search'][] = [
      [null, 'read'],
      [[], 'read'],
      [{ nodata: 1 }, 'read'],
      [{ data: { data: 'x' } }, 'search'],
      [{ data: [] }, 'search'],
      [{ data: {}, included: {} }, 'read'],
      [{ data: { resourceType: 'Bundle', entry: {} } }, 'read'],
      [{ data: { resourceType: 'Bundle', entry: [1] } }, 'read'],
    ];
    for (const [body, interaction] of unknown) expect(answerRecords(body, interaction, undefined), JSON.stringify(body)).toBeUndefined();
  });

  it('takes records out in place, keeping the rest in order', () => {
    const body = { data: { data: [{ id: 'a' }, { id: 'b' }, { id: 'c' }] }, included: [{ id: 'i' }] };
    const found = answerRecords(body, 'search', undefined);
    for (const slot of found?.slots ?? []) if ((slot.record as { id: string }).id !== 'b') slot.remove();
    found?.compact();
    expect(body).toEqual({ data: { data: [{ id: 'b' }] }, included: [] });
  });
});

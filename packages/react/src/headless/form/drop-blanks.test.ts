import { describe, expect, it } from 'vitest';
import { dropBlanks } from './drop-blanks.ts';

describe('dropBlanks', () => {
  it('removes empty text, NaN, empty lists and objects left empty, deeply, and keeps real values', () => {
    expect(
      dropBlanks({
        code: 'Penicillin',
        note: '  ',
        refills: Number.NaN,
        quantity: { value: Number.NaN, unit: '' },
        reaction: [{ manifestation: ['Hives', ''], severity: '' }, { manifestation: [] }],
        substitutionAllowed: false,
        priority: 0,
      }),
    ).toEqual({ code: 'Penicillin', reaction: [{ manifestation: ['Hives'] }], substitutionAllowed: false, priority: 0 });
  });
});

import { describe, expect, it } from 'vitest';
import { consentActionsFor, CONSENT_STATUS_AFTER } from './consent-lifecycle.ts';
import { EMPTY_SIGNATURE, fromBase64, isSigned, signatureAttachment, signatureSvg, toBase64 } from './signature.ts';

const titles = { drawn: 'Drawn', typed: (name: string) => `Typed ${name}` };

describe('signatures', () => {
  it('needs enough ink, or a name, to count as signed', () => {
    expect(isSigned(EMPTY_SIGNATURE)).toBe(false);
    expect(
      isSigned({
        ...EMPTY_SIGNATURE,
        strokes: [
          [
            { x: 10, y: 10 },
            { x: 15, y: 12 },
          ],
        ],
      }),
    ).toBe(false);
    expect(
      isSigned({
        ...EMPTY_SIGNATURE,
        strokes: [
          [
            { x: 10, y: 10 },
            { x: 60, y: 12 },
          ],
        ],
      }),
    ).toBe(true);
    expect(isSigned({ mode: 'type', strokes: [], name: ' A ' })).toBe(false);
    expect(isSigned({ mode: 'type', strokes: [], name: 'Amara Okafor' })).toBe(true);
    // Only the chosen way counts: a drawing does not sign the "type" tab.
    expect(
      isSigned({
        mode: 'type',
        strokes: [
          [
            { x: 0, y: 0 },
            { x: 90, y: 0 },
          ],
        ],
        name: '',
      }),
    ).toBe(false);
  });

  it('stores a drawing as an SVG of its strokes, and a tap as a dot', () => {
    const svg = signatureSvg([
      [
        { x: 1.234, y: 2 },
        { x: 50, y: 60.06 },
      ],
      [{ x: 7, y: 8 }],
    ]);
    expect(svg).toContain('viewBox="0 0 600 180"');
    expect(svg).toContain('<path d="M1.2 2 L50 60.1"/>');
    expect(svg).toContain('<path d="M7 8 L7 8"/>');
  });

  it('encodes names beyond ASCII, and builds the attachment of the chosen way', () => {
    expect(fromBase64(toBase64('Zoë Ångström-Nguyễn'))).toBe('Zoë Ångström-Nguyễn');
    expect(fromBase64('%%%')).toBeUndefined();
    expect(signatureAttachment({ mode: 'type', strokes: [], name: ' Amara ' }, titles)).toEqual({
      contentType: 'text/plain',
      data: toBase64('Amara'),
      title: 'Typed Amara',
    });
    const drawn = signatureAttachment(
      {
        mode: 'draw',
        strokes: [
          [
            { x: 0, y: 0 },
            { x: 90, y: 0 },
          ],
        ],
        name: '',
      },
      titles,
    );
    expect(drawn).toMatchObject({ contentType: 'image/svg+xml', title: 'Drawn' });
    expect(signatureAttachment(EMPTY_SIGNATURE, titles)).toBeUndefined();
  });
});

describe('consent lifecycle', () => {
  it('offers the next steps of each status, and none for closed consents', () => {
    expect(consentActionsFor('draft')).toEqual(['propose', 'sign']);
    expect(consentActionsFor('proposed')).toEqual(['sign', 'reject']);
    expect(consentActionsFor('active')).toEqual(['withdraw']);
    expect(consentActionsFor('rejected')).toEqual([]);
    expect(consentActionsFor('inactive')).toEqual([]);
    expect(consentActionsFor('entered-in-error')).toEqual([]);
    expect(Object.values(CONSENT_STATUS_AFTER)).toEqual(['proposed', 'active', 'rejected', 'inactive']);
  });
});

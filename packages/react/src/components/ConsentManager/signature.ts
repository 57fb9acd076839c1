/**
 * A signature as the consent stores it (`sourceAttachment`): a drawn one as a small SVG of its strokes — vector,
 * a few kilobytes, and the same bytes on every device — and a typed one as the name in plain text.
 */

/** A point on the signature pad, in the pad's own coordinates. */
export interface SignaturePoint {
  readonly x: number;
  readonly y: number;
}

export type SignatureStroke = readonly SignaturePoint[];

/** What the signature control holds: which way the user signs, and what they drew or typed. */
export interface SignatureValue {
  readonly mode: 'draw' | 'type';
  readonly strokes: readonly SignatureStroke[];
  readonly name: string;
}

export const EMPTY_SIGNATURE: SignatureValue = { mode: 'draw', strokes: [], name: '' };

/** The pad's drawing size; strokes are kept in these units whatever size the pad is shown at. */
export const PAD_WIDTH = 600;
export const PAD_HEIGHT = 180;

/** Less ink than this (in pad units) is a slip, not a signature. */
const MIN_INK = 30;

function inkLength(strokes: readonly SignatureStroke[]): number {
  let length = 0;
  for (const stroke of strokes) {
    for (let index = 1; index < stroke.length; index += 1) {
      const from = stroke[index - 1] as SignaturePoint;
      const to = stroke[index] as SignaturePoint;
      length += Math.hypot(to.x - from.x, to.y - from.y);
    }
  }
  return length;
}

/** True when the chosen way of signing has something in it: enough ink, or a name. */
export function isSigned(signature: SignatureValue): boolean {
  return signature.mode === 'draw' ? inkLength(signature.strokes) >= MIN_INK : signature.name.trim().length > 1;
}

const round = (value: number) => Math.round(value * 10) / 10;

/** The strokes as an SVG document. */
export function signatureSvg(strokes: readonly SignatureStroke[]): string {
  const paths = strokes
    .filter((stroke) => stroke.length > 0)
    .map((stroke) => {
      const [first, ...rest] = stroke as [SignaturePoint, ...SignaturePoint[]];
      // A single tap is a dot: a zero-length line with round caps.
      const line = rest.length === 0 ? [first] : rest;
      return `<path d="M${round(first.x)} ${round(first.y)}${line.map((point) => ` L${round(point.x)} ${round(point.y)}`).join('')}"/>`;
    })
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${PAD_WIDTH} ${PAD_HEIGHT}" width="${PAD_WIDTH}" height="${PAD_HEIGHT}">` +
    `<g fill="none" stroke="#111" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round">${paths}</g></svg>`
  );
}

/** UTF-8 text as base64 (names are not ASCII everywhere). */
export function toBase64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** base64 back to UTF-8 text; undefined when it is not base64. */
export function fromBase64(data: string): string | undefined {
  try {
    return new TextDecoder().decode(Uint8Array.from(atob(data), (character) => character.charCodeAt(0)));
  } catch {
    return undefined;
  }
}

/** The attachment a signature is stored as, or undefined when nothing was signed. */
export function signatureAttachment(
  signature: SignatureValue,
  titles: { readonly drawn: string; readonly typed: (name: string) => string },
): { contentType: string; data: string; title: string } | undefined {
  if (!isSigned(signature)) return undefined;
  if (signature.mode === 'draw') {
    return { contentType: 'image/svg+xml', data: toBase64(signatureSvg(signature.strokes)), title: titles.drawn };
  }
  const name = signature.name.trim();
  return { contentType: 'text/plain', data: toBase64(name), title: titles.typed(name) };
}

/** Ids from Cliniko's links: a relation is `{ links: { self: "/api/cliniko/practitioners/1001" } }`. */
import type { ClinikoId, ClinikoLink } from './types.ts';

/** The id a link ends with (kept as text: 18-digit ids do not survive a number), or undefined. */
export function clinikoIdOf(link: ClinikoLink | null | undefined): ClinikoId | undefined {
  return link ? /\/(\d{1,19})(?:[?#]|$)/.exec(link.links.self)?.[1] : undefined;
}

/** A Cliniko id as the proxy takes it in a path: digits, no leading zero, at most 19. */
export const isClinikoId = (value: unknown): value is ClinikoId => typeof value === 'string' && /^[1-9]\d{0,18}$/.test(value);

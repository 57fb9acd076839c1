/**
 * Where a webhook may be sent: the public internet over https, never an address inside someone's network. Checked
 * at registration and again at every delivery (a name may later resolve somewhere internal: DNS rebinding), on the
 * URL's host name and on every address it resolves to. `allowLoopback` (local development and tests) admits this
 * machine — loopback addresses and `localhost`, over plain http too — and nothing else that is refused.
 *
 * Address rules are written out here rather than taken from `node:net`, so the browser build checks the same way.
 */

export interface DestinationRules {
  readonly allowLoopback: boolean;
}

/** Why a destination is refused, in words shown to whoever registered it (and in the delivery log). */
export type Refusal = string;

/** Names that only mean something inside a network (RFC 6761, 6762, 8375, cloud metadata names). */
const INTERNAL_SUFFIXES = ['.local', '.internal', '.localdomain', '.home.arpa', '.lan', '.intranet', '.corp'];
const LOOPBACK_NAMES = (host: string): boolean => host === 'localhost' || host.endsWith('.localhost');

function ipv4Octets(host: string): number[] | undefined {
  const parts = host.split('.');
  if (parts.length !== 4 || parts.some((part) => !/^\d{1,3}$/.test(part))) return undefined;
  const octets = parts.map(Number);
  return octets.every((octet) => octet <= 255) ? octets : undefined;
}

/** The IPv4 ranges nobody may deliver to, each with why. Loopback is told apart: `allowLoopback` admits it. */
function ipv4Class(octets: readonly number[]): 'loopback' | Refusal | undefined {
  const [a = 0, b = 0, c = 0] = octets;
  if (a === 127) return 'loopback';
  if (a === 0) return 'unspecified address';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'private address';
  if (a === 100 && b >= 64 && b <= 127) return 'carrier-grade NAT address';
  if (a === 169 && b === 254) return 'link-local address (cloud metadata lives here)';
  if ((a === 192 && b === 0 && (c === 0 || c === 2)) || (a === 198 && b === 51 && c === 100) || (a === 203 && b === 0 && c === 113)) {
    return 'reserved address';
  }
  if (a === 198 && (b === 18 || b === 19)) return 'benchmarking address';
  if (a >= 224) return 'multicast or reserved address';
  return undefined;
}

/** Eight 16-bit groups, or undefined when `host` is not IPv6 (brackets already removed). */
function ipv6Groups(host: string): number[] | undefined {
  if (!host.includes(':')) return undefined;
  let text = host.toLowerCase();
  const zone = text.indexOf('%');
  if (zone >= 0) text = text.slice(0, zone);
  // A trailing dotted IPv4 (`::ffff:10.0.0.1`) becomes two groups.
  const dotted = /(\d{1,3}(?:\.\d{1,3}){3})$/.exec(text);
  if (dotted) {
    const octets = ipv4Octets(dotted[1] as string);
    if (!octets) return undefined;
    text = `${text.slice(0, dotted.index)}${((octets[0] as number) * 256 + (octets[1] as number)).toString(16)}:${((octets[2] as number) * 256 + (octets[3] as number)).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const parse = (part: string): number[] | undefined => {
    if (part === '') return [];
    const groups = part.split(':');
    return groups.every((group) => /^[0-9a-f]{1,4}$/.test(group)) ? groups.map((group) => parseInt(group, 16)) : undefined;
  };
  const head = parse(halves[0] as string);
  const tail = halves.length === 2 ? parse(halves[1] as string) : [];
  if (!head || !tail) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  return [...head, ...Array<number>(halves.length === 1 ? 0 : missing).fill(0), ...tail];
}

function ipv6Class(groups: readonly number[]): 'loopback' | Refusal | undefined {
  const [g0 = 0, g1 = 0, g2 = 0, , , g5 = 0, g6 = 0, g7 = 0] = groups;
  const embeddedV4 = [g6 >> 8, g6 & 255, g7 >> 8, g7 & 255];
  const leadingZeros = groups.slice(0, 5).every((group) => group === 0);
  if (leadingZeros && g5 === 0 && g6 === 0 && g7 === 1) return 'loopback';
  if (groups.every((group) => group === 0)) return 'unspecified address';
  // IPv4-mapped, IPv4-compatible and NAT64 addresses reach the IPv4 address inside them.
  if (leadingZeros && (g5 === 0xffff || g5 === 0)) return ipv4Class(embeddedV4);
  if (g0 === 0x64 && g1 === 0xff9b) return ipv4Class(embeddedV4);
  if (g0 === 0x2002) return ipv4Class([g1 >> 8, g1 & 255, g2 >> 8, g2 & 255]);
  if ((g0 & 0xfe00) === 0xfc00) return 'unique local address';
  if ((g0 & 0xffc0) === 0xfe80 || (g0 & 0xffc0) === 0xfec0) return 'link-local address';
  if ((g0 & 0xff00) === 0xff00) return 'multicast address';
  if (g0 === 0x2001 && g1 === 0xdb8) return 'reserved address';
  if (g0 === 0x100 && g1 === 0) return 'reserved address';
  return undefined;
}

/** Why an IP address may not be delivered to, or undefined when it may. Anything that is not an address is refused. */
export function refuseAddress(address: string, rules: DestinationRules): Refusal | undefined {
  const octets = ipv4Octets(address);
  const groups = octets ? undefined : ipv6Groups(address);
  if (!octets && !groups) return 'not an IP address';
  const found = octets ? ipv4Class(octets) : ipv6Class(groups as number[]);
  if (found === 'loopback') return rules.allowLoopback ? undefined : 'loopback address';
  return found;
}

/** True for an IP literal (as the URL parser writes one: IPv4 dotted, IPv6 in brackets). */
export function isIpLiteral(host: string): boolean {
  return ipv4Octets(host) !== undefined || (host.startsWith('[') && host.endsWith(']'));
}

/** The host name as an address lookup takes it: brackets removed, no trailing dot. */
export function lookupName(url: URL): string {
  const host = url.hostname.replace(/\.$/, '');
  return host.startsWith('[') ? host.slice(1, -1) : host;
}

/** True when `url` is on this machine (loopback name or address): plain http is allowed there with `allowLoopback`. */
function isLoopback(url: URL): boolean {
  const host = lookupName(url);
  return LOOPBACK_NAMES(host) || refuseAddress(host, { allowLoopback: false }) === 'loopback address';
}

/** Parses and checks a webhook URL as written; the addresses it resolves to are checked with `refuseAddress`. */
export function checkDestinationUrl(raw: string, rules: DestinationRules): { url: URL } | { refusal: Refusal } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { refusal: 'not an absolute URL' };
  }
  if (raw.length > 2048) return { refusal: 'longer than 2048 characters' };
  if (url.username || url.password) return { refusal: 'credentials in the URL (the signing secret authenticates us)' };
  const loopback = isLoopback(url);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && rules.allowLoopback && loopback)) return { refusal: 'not https' };
  const host = lookupName(url);
  if (loopback) return rules.allowLoopback ? { url } : { refusal: 'loopback address' };
  if (isIpLiteral(url.hostname)) {
    const refusal = refuseAddress(host, rules);
    return refusal ? { refusal } : { url };
  }
  if (!host.includes('.')) return { refusal: 'internal host name' };
  if (INTERNAL_SUFFIXES.some((suffix) => host.endsWith(suffix))) return { refusal: 'internal host name' };
  return { url };
}

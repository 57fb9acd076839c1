/**
 * Whose address a request comes from, for limiting strangers. By default the socket's peer: X-Forwarded-For is
 * written by the client as much as by any proxy, so trusting it by default would let a stranger pick a fresh address
 * per request. Behind your own load balancer, `trustProxy` says which hops may speak for the client, with Express's
 * `trust proxy` semantics and Express's own code for it (proxy-addr): a hop count or the proxies' addresses/subnets.
 */
import type { IncomingMessage } from 'node:http';
import { ipKeyGenerator } from 'express-rate-limit';
import proxyAddr from 'proxy-addr';
import { invalidOption } from './option-checks.ts';

/**
 * Which proxies in front of the app to believe about the client's address: a number of hops (`1`: one load balancer),
 * or the proxies' addresses and subnets (`'loopback'`, `'10.0.0.0/8'`, a list or a comma-separated string), as
 * Express's `trust proxy` setting takes them. `true` (believe any X-Forwarded-For) is refused: it lets every client
 * choose its own address.
 */
export type TrustProxyOption = number | string | readonly string[];

export type ClientAddress = (req: IncomingMessage) => string;

const socketAddress: ClientAddress = (req) => req.socket.remoteAddress ?? '';

function trustFunction(trust: TrustProxyOption): (address: string, hop: number) => boolean {
  if (typeof trust === 'number') {
    if (!Number.isInteger(trust) || trust < 0) invalidOption('trustProxy', 'must be a number of hops (a whole number), or proxy addresses');
    return (_address, hop) => hop < trust;
  }
  const list = typeof trust === 'string' ? trust.split(',').map((entry) => entry.trim()) : trust;
  if (!Array.isArray(list) || !list.every((entry) => typeof entry === 'string')) {
    invalidOption(
      'trustProxy',
      'must be a number of hops or proxy addresses/subnets (true is refused: it lets any client choose its address)',
    );
  }
  try {
    return proxyAddr.compile([...list]);
  } catch {
    return invalidOption('trustProxy', 'lists something that is not an address, a subnet, loopback, linklocal or uniquelocal');
  }
}

/** The client address function for `trustProxy` (undefined: the socket's peer). */
export function clientAddress(trust: TrustProxyOption | undefined): ClientAddress {
  if (trust === undefined) return socketAddress;
  const trusted = trustFunction(trust);
  return (req) => proxyAddr(req, trusted);
}

/**
 * The key a client address is counted under: the address itself for IPv4 (and IPv4-mapped IPv6), its /56 network for
 * IPv6 — one subscriber commonly holds a whole /56 or /64 and could otherwise rotate through them.
 */
export function addressKey(address: string): string {
  return address === '' ? 'unknown' : ipKeyGenerator(address, 56);
}

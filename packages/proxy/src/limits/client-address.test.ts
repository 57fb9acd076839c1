import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { addressKey, clientAddress } from './client-address.ts';

const request = (socket: string, forwardedFor?: string) =>
  ({
    socket: { remoteAddress: socket },
    headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
  }) as unknown as IncomingMessage;

describe('clientAddress', () => {
  it("is the socket's peer by default: X-Forwarded-For is the client's to write", () => {
    expect(clientAddress(undefined)(request('203.0.113.9', '198.51.100.1'))).toBe('203.0.113.9');
  });

  it('believes as many hops as it is told to, from the nearest', () => {
    const oneHop = clientAddress(1);
    // The load balancer (10.0.0.2) appended the address it saw; whatever the client wrote before that is ignored.
    expect(oneHop(request('10.0.0.2', '198.51.100.1, 203.0.113.9'))).toBe('203.0.113.9');
    expect(oneHop(request('10.0.0.2'))).toBe('10.0.0.2');
    expect(clientAddress(0)(request('10.0.0.2', '203.0.113.9'))).toBe('10.0.0.2');
  });

  it('believes only the listed proxies, as Express does', () => {
    const listed = clientAddress(['loopback', '10.0.0.0/8']);
    expect(listed(request('127.0.0.1', '203.0.113.9, 10.1.2.3'))).toBe('203.0.113.9');
    // A client that is not a listed proxy speaks for nobody.
    expect(listed(request('192.0.2.7', '203.0.113.9'))).toBe('192.0.2.7');
    expect(clientAddress('loopback, 10.0.0.0/8')(request('127.0.0.1', '203.0.113.9'))).toBe('203.0.113.9');
  });

  it.each([[true], [-1], [1.5], ['not-an-address'], [['10.0.0.0/99']], [{}]])('refuses trustProxy %j, naming the option', (trust) => {
    expect(() => clientAddress(trust as never)).toThrow('"trustProxy"');
  });
});

describe('addressKey', () => {
  it('counts IPv4 by address, IPv6 by its /56 network, mapped IPv4 as IPv4', () => {
    expect(addressKey('203.0.113.9')).toBe('203.0.113.9');
    expect(addressKey('2001:db8:1:2ff::1')).toBe(addressKey('2001:db8:1:200::abcd'));
    expect(addressKey('2001:db8:1:2ff::1')).not.toBe(addressKey('2001:db8:1:300::1'));
    expect(addressKey('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(addressKey('')).toBe('unknown');
  });
});

import { describe, expect, it } from 'vitest';
import { checkDestinationUrl, refuseAddress } from './destination.ts';

const strict = { allowLoopback: false };
const local = { allowLoopback: true };

/** Every range the guide names, by a first, a middle and a last address of it where that matters. */
const REFUSED_ADDRESSES: readonly [string, RegExp][] = [
  ['10.0.0.1', /private/],
  ['10.255.255.255', /private/],
  ['172.16.0.1', /private/],
  ['172.31.255.254', /private/],
  ['192.168.1.10', /private/],
  ['100.64.0.1', /carrier-grade NAT/],
  ['100.127.255.254', /carrier-grade NAT/],
  ['169.254.169.254', /link-local/],
  ['169.254.0.1', /link-local/],
  ['0.0.0.0', /unspecified/],
  ['224.0.0.1', /multicast/],
  ['255.255.255.255', /multicast or reserved/],
  ['192.0.2.1', /reserved/],
  ['198.18.0.1', /benchmarking/],
  ['::', /unspecified/],
  ['fc00::1', /unique local/],
  ['fd00:ec2::254', /unique local/],
  ['fe80::1', /link-local/],
  ['fe80::1%eth0', /link-local/],
  ['ff02::1', /multicast/],
  ['::ffff:10.0.0.1', /private/],
  ['::ffff:a9fe:a9fe', /link-local/],
  ['64:ff9b::a9fe:a9fe', /link-local/],
  ['2002:0a00:0001::1', /private/],
  ['2001:db8::1', /reserved/],
];

const PUBLIC_ADDRESSES = [
  '93.184.215.14',
  '8.8.8.8',
  '172.32.0.1',
  '100.128.0.1',
  '11.0.0.1',
  '2606:4700:4700::1111',
  '::ffff:8.8.8.8',
  '2002:0808:0808::1',
];

describe('webhook destinations', () => {
  it.each(REFUSED_ADDRESSES)('refuses %s, loopback allowed or not', (address, why) => {
    expect(refuseAddress(address, strict)).toMatch(why);
    expect(refuseAddress(address, local)).toMatch(why);
  });

  it('takes public addresses', () => {
    for (const address of PUBLIC_ADDRESSES) expect(refuseAddress(address, strict), address).toBeUndefined();
  });

  it('admits loopback only when told to', () => {
    for (const address of ['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1', '0:0:0:0:0:0:0:1']) {
      expect(refuseAddress(address, strict), address).toBe('loopback address');
      expect(refuseAddress(address, local), address).toBeUndefined();
    }
    expect(refuseAddress('example.com', local)).toBe('not an IP address');
  });

  it('refuses URLs that are not public https, in whatever form the host is written', () => {
    const refusals: [string, RegExp][] = [
      ['http://hooks.example.com/in', /not https/],
      ['ftp://hooks.example.com/in', /not https/],
      ['https://user:pass@hooks.example.com/in', /credentials/],
      ['https://10.1.2.3/in', /private/],
      ['https://0x7f.1/in', /loopback/],
      ['https://2130706433/in', /loopback/],
      ['https://[::ffff:192.168.0.1]/in', /private/],
      ['https://[fd12::1]/in', /unique local/],
      ['https://169.254.169.254/latest/meta-data', /link-local/],
      ['https://metadata.google.internal/computeMetadata', /internal host name/],
      ['https://printer.local/in', /internal host name/],
      ['https://intranet/in', /internal host name/],
      ['https://localhost/in', /loopback/],
      ['https://api.localhost/in', /loopback/],
      ['not a url', /absolute URL/],
    ];
    for (const [url, why] of refusals) {
      const checked = checkDestinationUrl(url, strict);
      expect('refusal' in checked ? checked.refusal : 'accepted', url).toMatch(why);
    }
    expect(checkDestinationUrl('https://hooks.example.com/clinikapi', strict)).toEqual({
      url: new URL('https://hooks.example.com/clinikapi'),
    });
  });

  it('lets this machine receive over http only when loopback is allowed, and nothing else it would refuse', () => {
    for (const url of ['http://127.0.0.1:3000/hook', 'http://localhost:3000/hook', 'http://[::1]:3000/hook']) {
      expect('url' in checkDestinationUrl(url, local), url).toBe(true);
      expect('refusal' in checkDestinationUrl(url, strict), url).toBe(true);
    }
    expect(checkDestinationUrl('http://10.0.0.1/hook', local)).toEqual({ refusal: 'not https' });
    expect(checkDestinationUrl('http://hooks.example.com/hook', local)).toEqual({ refusal: 'not https' });
  });
});

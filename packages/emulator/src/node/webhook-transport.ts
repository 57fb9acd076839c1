/**
 * Webhook deliveries from Node: the host name is resolved once, every address checked by the dispatcher, and the
 * connection made to the checked address — `lookup` answers with it — so a name cannot resolve somewhere else
 * between the check and the connection (DNS rebinding). TLS still verifies the certificate for the URL's name.
 */
import { lookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import type { WebhookTransport } from '../webhooks/dispatcher.ts';

class TimeoutError extends Error {
  override readonly name = 'TimeoutError';
}

export function nodeWebhookTransport(): WebhookTransport {
  return {
    async resolve(hostname) {
      if (isIP(hostname)) return [hostname];
      return (await lookup(hostname, { all: true, verbatim: true })).map((entry) => entry.address);
    },
    send(delivery) {
      const family = isIP(delivery.address);
      const pinned: LookupFunction = (_hostname, options, callback) => {
        if (options.all) callback(null, [{ address: delivery.address, family }]);
        else callback(null, delivery.address, family);
      };
      return new Promise((resolve, reject) => {
        const request = (delivery.url.protocol === 'https:' ? https : http).request(delivery.url, {
          method: 'POST',
          headers: { ...delivery.headers, 'content-length': String(Buffer.byteLength(delivery.body)) },
          lookup: pinned,
          // A fresh connection each time: a pooled one could be to an address checked for another delivery.
          agent: false,
          signal: delivery.signal,
        });
        const timer = setTimeout(() => request.destroy(new TimeoutError('timeout')), delivery.timeoutMs);
        request.once('response', (response) => {
          clearTimeout(timer);
          // Only the status is kept; the body is read and dropped.
          response.resume();
          resolve({ status: response.statusCode ?? 0 });
        });
        request.once('error', (error) => {
          clearTimeout(timer);
          reject(error);
        });
        request.end(delivery.body);
      });
    },
  };
}

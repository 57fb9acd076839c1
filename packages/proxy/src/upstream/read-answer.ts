/**
 * Reading an upstream answer whole, bounded, before anything of it is sent on: the proxy examines every answer, so
 * none is streamed through unread. Only JSON (`application/json`, `application/*+json`) is an answer; any other
 * body — HTML from a misrouted gateway, a file, text — is a 502.
 */
import type { ApiCall } from '../call.ts';
import { ProxyError } from '../errors.ts';
import type { UpstreamResponse } from './exchange.ts';
import { UpstreamFailure, classifyFailure, failureToError } from './failure.ts';

const JSON_TYPE = /^application\/(?:[a-z0-9.+-]+\+)?json\s*(?:;|$)/i;

export interface ReadAnswer {
  /** The body as received; empty when there was none. */
  readonly text: string;
  /** The parsed body; `undefined` when there was none. */
  readonly json: unknown;
}

/**
 * Reads a whole (bounded) response body. By the stream's events, in one promise: an async iterator costs more per
 * answer than the answer's own bytes do. A body that stops before its end, however, rejects: the stall or the client
 * leaving (`cutBecause`), a socket error, or a close without an end (a reset).
 */
function readBody({ response, cutBecause }: UpstreamResponse, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    // The error listener stays for the response's life: an error after the body was read (or given up) must find
    // one, and changes nothing then (the promise has settled).
    const stopListening = (): void => {
      response.off('data', onData);
      response.off('end', onEnd);
      response.off('close', onClose);
    };
    function fail(error: unknown): void {
      stopListening();
      response.destroy();
      const cut = cutBecause();
      reject(cut ? new UpstreamFailure(cut) : classifyFailure(error));
    }
    function onData(chunk: Buffer): void {
      size += chunk.length;
      if (size > limit) fail(new UpstreamFailure('too-large'));
      else chunks.push(chunk);
    }
    function onEnd(): void {
      stopListening();
      if (!response.complete) reject(new UpstreamFailure(cutBecause() ?? 'reset'));
      else resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size));
    }
    const onClose = (): void => fail(new UpstreamFailure('reset'));
    // Cut before the proxy got to read it (the client left, a stall): there will be no more events.
    if (response.destroyed) {
      fail(new UpstreamFailure('reset'));
      return;
    }
    response.on('data', onData);
    response.once('end', onEnd);
    response.on('error', fail);
    response.once('close', onClose);
  });
}

function unreadable(reason: string): ProxyError {
  return new ProxyError('UPSTREAM_UNAVAILABLE', 'ClinikAPI sent an answer the proxy cannot read', { reason: `answer:${reason}` });
}

/**
 * The answer's JSON, or a 502 (`answer:not-json`, `answer:invalid-json`, or the hop's own failure). With
 * `textAsEmpty` (an error answer of an API whose errors may be plain text), a body that is not JSON is read as none:
 * its status is all that is passed on.
 */
export async function readAnswer(upstream: UpstreamResponse, limit: number, textAsEmpty = false): Promise<ReadAnswer> {
  let body: Buffer;
  try {
    body = await readBody(upstream, limit);
  } catch (error) {
    throw error instanceof UpstreamFailure ? failureToError(error) : error;
  }
  if (body.length === 0) return { text: '', json: undefined };
  const type = upstream.response.headers['content-type'];
  const isJson = typeof type === 'string' && JSON_TYPE.test(type);
  if (!isJson && textAsEmpty) return { text: '', json: undefined };
  if (!isJson) throw unreadable('not-json');
  const text = body.toString('utf8');
  try {
    return { text, json: JSON.parse(text) as unknown };
  } catch {
    if (textAsEmpty) return { text: '', json: undefined };
    throw unreadable('invalid-json');
  }
}

/** `/v1/<path>[/<id>][?query]` under the upstream's base path. */
export function upstreamPath(call: ApiCall, id = call.id, query = call.query): string {
  const search = query.toString();
  return `/v1/${call.resource.path}${id === undefined ? '' : `/${id}`}${search ? `?${search}` : ''}`;
}

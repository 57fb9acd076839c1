/**
 * What the official `@clinikapi/sdk` (0.3.x) puts on the wire, written from its public source for these tests: the
 * key in `x-api-key`; `Accept: application/fhir+json`; a body as `application/fhir+json`, except PATCH bodies —
 * the partial object of `update(id, fields)` — as `application/json-patch+json`; query strings built from the
 * given params, leaving out undefined ones; up to two retries on 5xx and 429, re-sending the same request (no
 * Idempotency-Key). It unwraps `{ data }` unless the body has a `resourceType`, and reads errors' `message` or
 * `error`, `code`, `issue`, the `x-request-id` header and, on 429, `Retry-After`.
 */

export interface WireOptions {
  readonly baseUrl: string;
  readonly apiKey: string;
  /** Extra or replaced headers, for clients that send other Accept or User-Agent values. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Called before each retry with the response that failed; tests move the emulator's clock here. */
  readonly beforeRetry?: (response: Response) => void | Promise<void>;
  /** The transport; the global fetch unless given (an emulator's own handler, for failures made on purpose). */
  readonly fetch?: (request: Request) => Promise<Response>;
}

export interface WireResponse {
  readonly status: number;
  readonly headers: Headers;
  /** The parsed body (null for a 204). */
  readonly body: unknown;
  /** What the SDK hands its caller: the body's `data`, or a raw FHIR body as it is. */
  readonly data: unknown;
  /** Every response the call saw, retries included. */
  readonly attempts: readonly number[];
}

const MAX_RETRIES = 2;

/** The query string the SDK builds: `?a=1&b=x`, undefined and null values left out, values as strings. */
export function sdkQuery(params: Readonly<Record<string, unknown>> = {}): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value !== undefined && value !== null) query.append(name, String(value));
  const text = query.toString();
  return text ? `?${text}` : '';
}

export function sdkWire(options: WireOptions) {
  async function request(method: string, path: string, body?: unknown): Promise<WireResponse> {
    const serialised = body === undefined ? undefined : JSON.stringify(body);
    const headers: Record<string, string> = { 'x-api-key': options.apiKey, Accept: 'application/fhir+json' };
    if (serialised) headers['Content-Type'] = method === 'PATCH' ? 'application/json-patch+json' : 'application/fhir+json';
    Object.assign(headers, options.headers);
    const attempts: number[] = [];
    for (let attempt = 0; ; attempt++) {
      const response = await (options.fetch ?? fetch)(new Request(`${options.baseUrl}${path}`, { method, headers, body: serialised }));
      attempts.push(response.status);
      if (!response.ok && attempt < MAX_RETRIES && (response.status >= 500 || response.status === 429)) {
        await response.arrayBuffer();
        await options.beforeRetry?.(response);
        continue;
      }
      const parsed: unknown = response.status === 204 ? null : await response.json();
      const data =
        typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) && 'data' in parsed && !('resourceType' in parsed)
          ? (parsed as { data: unknown }).data
          : parsed;
      return { status: response.status, headers: response.headers, body: parsed, data, attempts };
    }
  }

  return {
    request,
    create: (path: string, body: unknown) => request('POST', `/v1/${path}`, body),
    read: (path: string, id: string, query = '') => request('GET', `/v1/${path}/${id}${query}`),
    update: (path: string, id: string, fields: unknown) => request('PATCH', `/v1/${path}/${id}`, fields),
    remove: (path: string, id: string) => request('DELETE', `/v1/${path}/${id}`),
    search: (path: string, params?: Readonly<Record<string, unknown>>) => request('GET', `/v1/${path}${sdkQuery(params)}`),
    /** `patients.read(id, { include })`: each type asked for as `Type:subject` and `Type:patient`. */
    readPatientWith: (id: string, include: readonly string[]) => {
      const query = new URLSearchParams();
      for (const type of include) {
        query.append('_revinclude', `${type}:subject`);
        query.append('_revinclude', `${type}:patient`);
      }
      return request('GET', `/v1/patients/${id}?${query.toString()}`);
    },
    /** `encounters.read(id, { include })` and its kin: `_include=Type:element`, the last one given. */
    readWith: (path: string, resourceType: string, id: string, include: readonly string[]) =>
      request(
        'GET',
        `/v1/${path}/${id}${sdkQuery(Object.fromEntries(include.map((element) => ['_include', `${resourceType}:${element}`])))}`,
      ),
    /** `fhir.request(method, path, body)`: the passthrough under `/v1/fhir`. */
    fhir: (method: string, path: string, body?: unknown) => request(method, `/v1/fhir${path.startsWith('/') ? path : `/${path}`}`, body),
  };
}

export type SdkWire = ReturnType<typeof sdkWire>;

/** What the SDK's error parsing takes from an error response. */
export function sdkErrorOf(response: WireResponse) {
  const body = (response.body ?? {}) as { message?: string; error?: string; code?: string; issue?: unknown; issues?: unknown };
  return {
    message: body.message || body.error,
    code: body.code,
    requestId: response.headers.get('x-request-id') ?? undefined,
    retryAfter:
      response.status === 429 && response.headers.get('retry-after')
        ? Number.parseInt(response.headers.get('retry-after') as string, 10)
        : undefined,
  };
}

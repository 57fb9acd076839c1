/**
 * Every answer that is not a success, as a value. Cliniko documents no error envelope: the bodies are the ones seen
 * in real responses (401 text, 422 `{"message":"Validation Failed","errors":{…}}`, the `available_times` 400 text),
 * and where none was ever seen the emulator answers `{"message": …}` with the same `errors` map as a 422.
 * Messages never quote what a client sent: a filter value or a body field may be patient data.
 */

/** Cliniko writes "can’t" with U+2019, and clients compare the text. */
export const BLANK = 'can\u2019t be blank';

export type ErrorBody = string | { readonly message: string; readonly errors?: Readonly<Record<string, string>> } | null;

export class ClinikoError extends Error {
  readonly status: number;
  readonly body: ErrorBody;
  readonly headers: Readonly<Record<string, string>>;

  constructor(status: number, body: ErrorBody, headers: Readonly<Record<string, string>> = {}) {
    super(typeof body === 'string' ? body : (body?.message ?? `HTTP ${status}`));
    this.name = 'ClinikoError';
    this.status = status;
    this.body = body;
    this.headers = headers;
  }
}

/** 422 with the field → message map Cliniko sends. */
export function validationFailed(errors: Readonly<Record<string, string>>): ClinikoError {
  return new ClinikoError(422, { message: 'Validation Failed', errors });
}

/** 400 for a query the emulator will not answer (bad `q[]`, `sort`, `page`). */
export function badQuery(parameter: string, problem: string): ClinikoError {
  return new ClinikoError(400, { message: 'Bad Request', errors: { [parameter]: problem } });
}

export const notFound = (): ClinikoError => new ClinikoError(404, { message: 'Not found' });

/** What Rails' HTTP Basic check answers, the same for every reason a key is refused. */
export const accessDenied = (): ClinikoError =>
  new ClinikoError(401, 'HTTP Basic: Access denied.\n', { 'WWW-Authenticate': 'Basic realm="Application"' });

/** The `available_times` answer for a bad window, word for word. */
export const invalidTimeFrame = (): ClinikoError =>
  new ClinikoError(400, 'Invalid time frame definition. Please check from/to param limitations.');

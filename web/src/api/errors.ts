import type { components } from './schema';

type Problem = components['schemas']['Problem'];

/** FieldError names one field of a refused request body and says what is wrong with it. */
export type FieldError = components['schemas']['FieldError'];

/**
 * ApiErrorCode is the server's stable problem code, or one of two codes of the client's own:
 * `network_error` when no answer came, `unexpected_response` when the answer was not a problem
 * document (a proxy's error page, say).
 */
export type ApiErrorCode =
  components['schemas']['ProblemCode'] | 'network_error' | 'unexpected_response';

interface ApiErrorInit {
  status: number;
  code: ApiErrorCode;
  requestId?: string;
  fieldErrors?: FieldError[];
  retryAfter?: number;
}

/** ApiError is what every failed API call throws; branch on `code`, show `message`. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  /** status is the HTTP status, or 0 when the server could not be reached. */
  readonly status: number;
  readonly code: ApiErrorCode;
  /** requestId identifies the request in the server's logs, for support. */
  readonly requestId: string | undefined;
  /** fieldErrors lists the fields at fault when code is `validation_failed`. */
  readonly fieldErrors: readonly FieldError[];
  /** retryAfter is the Retry-After of a refusal (`rate_limited`), in whole seconds. */
  readonly retryAfter: number | undefined;

  constructor(message: string, init: ApiErrorInit, options?: ErrorOptions) {
    super(message, options);
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId;
    this.fieldErrors = init.fieldErrors ?? [];
    this.retryAfter = init.retryAfter;
  }
}

/** isApiError tells an ApiError, optionally of one code, from any other thrown value. */
export function isApiError(value: unknown, code?: ApiErrorCode): value is ApiError {
  return value instanceof ApiError && (code === undefined || value.code === code);
}

/**
 * errorFromResponse builds the ApiError of a failed answer from its body, already read: the
 * parsed JSON of a problem document, or text. It trusts nothing in the body it has not checked.
 */
export function errorFromResponse(response: Response, body: unknown): ApiError {
  const headerId = response.headers.get('X-Request-Id') ?? undefined;
  const type = response.headers.get('Content-Type') ?? '';
  if (!type.includes('json') || !isProblem(body)) {
    const text = `${String(response.status)} ${response.statusText}`.trim();
    return new ApiError(`The server answered with an unexpected error (${text}).`, {
      status: response.status,
      code: 'unexpected_response',
      ...(headerId !== undefined && { requestId: headerId }),
    });
  }
  const requestId = body.request_id ?? headerId;
  const retryAfter = retryAfterSeconds(response.headers.get('Retry-After'));
  return new ApiError(body.detail ?? body.title, {
    status: response.status,
    code: body.code,
    ...(requestId !== undefined && { requestId }),
    ...(retryAfter !== undefined && { retryAfter }),
    fieldErrors: Array.isArray(body.errors) ? body.errors.filter(isFieldError) : [],
  });
}

/**
 * retryAfterSeconds reads a Retry-After header: a count of seconds, or an HTTP date, which
 * becomes the seconds from now (at least 1). Anything else is undefined.
 */
export function retryAfterSeconds(header: string | null, now = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value);
  // An HTTP date names its day and zone; without letters, Date.parse takes "-3" for a year.
  if (!/[a-z]/i.test(value)) return undefined;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  return Math.max(1, Math.ceil((at - now) / 1000));
}

/** networkError wraps the failure of fetch itself: offline, refused, reset. */
export function networkError(cause: unknown): ApiError {
  return new ApiError(
    'The server could not be reached. Check your connection and try again.',
    { status: 0, code: 'network_error' },
    { cause },
  );
}

function isProblem(body: unknown): body is Problem {
  if (typeof body !== 'object' || body === null) return false;
  const p = body as Record<string, unknown>;
  return typeof p.code === 'string' && typeof p.title === 'string';
}

function isFieldError(value: unknown): value is FieldError {
  if (typeof value !== 'object' || value === null) return false;
  const f = value as Record<string, unknown>;
  return typeof f.field === 'string' && typeof f.message === 'string';
}

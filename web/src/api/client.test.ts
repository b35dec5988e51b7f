import { describe, expect, it, vi } from 'vitest';
import { answers, json } from '../test/render';
import { api, call } from './client';
import { ApiError, isApiError } from './errors';

const problem = 'application/problem+json';

async function fail(...responses: (Response | Error | DOMException)[]): Promise<ApiError> {
  vi.stubGlobal('fetch', answers(...responses).fetch);
  const error: unknown = await call(api.GET('/healthz')).then(
    () => new Error('the call succeeded'),
    (e: unknown) => e,
  );
  if (!(error instanceof ApiError)) throw new Error(`not an ApiError: ${String(error)}`);
  return error;
}

describe('call', () => {
  it('returns the data of a successful answer', async () => {
    const { fetch, requests } = answers(json({ status: 'ok' }));
    vi.stubGlobal('fetch', fetch);
    await expect(call(api.GET('/healthz'))).resolves.toEqual({ status: 'ok' });
    expect(new URL(requests[0]?.url ?? '').pathname).toBe('/healthz');
  });

  it('turns a problem document into a typed error', async () => {
    const body = {
      type: 'urn:licensor:problem:validation_failed',
      title: 'Unprocessable Entity',
      status: 422,
      code: 'validation_failed',
      detail: 'Some fields are not valid.',
      request_id: 'req_body',
      errors: [{ field: 'email', message: 'is not an address' }, { field: 3 }],
    };
    const error = await fail(
      json(body, { status: 422, headers: { 'X-Request-Id': 'req_h' } }, problem),
    );
    expect(error.code).toBe('validation_failed');
    expect(error.status).toBe(422);
    expect(error.message).toBe('Some fields are not valid.');
    expect(error.requestId).toBe('req_body');
    expect(error.fieldErrors).toEqual([{ field: 'email', message: 'is not an address' }]);
    expect(isApiError(error, 'validation_failed')).toBe(true);
    expect(isApiError(error, 'not_found')).toBe(false);
  });

  it('falls back to the title and the header request id', async () => {
    const body = {
      type: 'urn:licensor:problem:forbidden',
      title: 'Forbidden',
      status: 403,
      code: 'forbidden',
    };
    const error = await fail(
      json(body, { status: 403, headers: { 'X-Request-Id': 'req_h' } }, problem),
    );
    expect(error.code).toBe('forbidden');
    expect(error.message).toBe('Forbidden');
    expect(error.requestId).toBe('req_h');
    expect(error.fieldErrors).toEqual([]);
  });

  it.each([
    [
      'an HTML error page',
      new Response('<h1>Bad gateway</h1>', {
        status: 502,
        headers: { 'Content-Type': 'text/html' },
      }),
    ],
    ['JSON that is no problem', json({ message: 'nope' }, { status: 500 })],
    [
      'a problem type with a broken body',
      new Response('{', { status: 500, headers: { 'Content-Type': problem } }),
    ],
  ])('reports %s as an unexpected response', async (_, response) => {
    const error = await fail(response);
    expect(error.code).toBe('unexpected_response');
    expect(error.status).toBe(response.status);
    expect(error.message).toContain(String(response.status));
  });

  it('reports a failed fetch as a network error', async () => {
    const cause = new TypeError('Failed to fetch');
    const error = await fail(cause);
    expect(error.code).toBe('network_error');
    expect(error.status).toBe(0);
    expect(error.cause).toBe(cause);
  });

  it('lets an abort through unchanged', async () => {
    const abort = new DOMException('The operation was aborted.', 'AbortError');
    vi.stubGlobal('fetch', answers(abort).fetch);
    await expect(call(api.GET('/healthz'))).rejects.toBe(abort);
  });
});

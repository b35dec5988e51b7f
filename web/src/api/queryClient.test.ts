import { describe, expect, it } from 'vitest';
import { ApiError } from './errors';
import { retryable } from './queryClient';

describe('retryable', () => {
  it.each([
    ['a network failure', new ApiError('x', { status: 0, code: 'network_error' }), true],
    ['a server error', new ApiError('x', { status: 503, code: 'unavailable' }), true],
    ['a refusal', new ApiError('x', { status: 403, code: 'forbidden' }), false],
    ['a bad request', new ApiError('x', { status: 422, code: 'validation_failed' }), false],
    ['a bug of the UI', new TypeError('undefined is not a function'), false],
  ])('%s: %s', (_, error, want) => {
    expect(retryable(error)).toBe(want);
  });
});

import { describe, expect, it } from 'vitest';
import { json } from '../test/render';
import { errorFromResponse, retryAfterSeconds } from './errors';

describe('retryAfterSeconds', () => {
  const now = Date.parse('2026-01-02T03:04:05Z');
  it.each([
    [null, undefined],
    ['', undefined],
    ['30', 30],
    [' 7 ', 7],
    ['-3', undefined],
    ['soon', undefined],
    ['Fri, 02 Jan 2026 03:04:35 GMT', 30],
    ['Fri, 02 Jan 2026 03:00:00 GMT', 1],
  ])('%j is %j', (header, want) => {
    expect(retryAfterSeconds(header, now)).toBe(want);
  });

  it('reaches the error of a refused request', () => {
    const body = { type: 'x', title: 'Too Many Requests', status: 429, code: 'rate_limited' };
    const answer = json(body, { status: 429, headers: { 'Retry-After': '12' } });
    expect(errorFromResponse(answer, body).retryAfter).toBe(12);
  });
});

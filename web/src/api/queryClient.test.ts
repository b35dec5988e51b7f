import { describe, expect, it } from 'vitest';
import { ApiError } from './errors';
import { meKey } from './me';
import { orgKey } from './orgs';
import { newQueryClient, orgBeneath, retryable } from './queryClient';

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

describe('orgBeneath', () => {
  it.each([
    ['the members of an organisation', [...orgKey('org_a'), 'members'], 'org_a'],
    ['the events of an organisation', [...orgKey('org_a'), 'events', 'member'], 'org_a'],
    ['the organisation itself', orgKey('org_a'), null],
    ['a list of organisations', ['orgs', 'list', { q: '' }], null],
    ['the signed-in user', meKey, null],
  ])('%s', (_, key, want) => {
    expect(orgBeneath(key)).toBe(want);
  });
});

describe('a part of an organisation not found', () => {
  it('asks again for the organisation and the memberships, not for another organisation', async () => {
    const client = newQueryClient();
    client.setQueryData(orgKey('org_a'), { id: 'org_a' });
    client.setQueryData(orgKey('org_b'), { id: 'org_b' });
    client.setQueryData(meKey, null);
    const gone = new ApiError('no such organisation', { status: 404, code: 'not_found' });
    await expect(
      client.query({
        queryKey: [...orgKey('org_a'), 'members'],
        queryFn: () => Promise.reject(gone),
      }),
    ).rejects.toBe(gone);
    expect(client.getQueryState(orgKey('org_a'))?.isInvalidated).toBe(true);
    expect(client.getQueryState(meKey)?.isInvalidated).toBe(true);
    expect(client.getQueryState(orgKey('org_b'))?.isInvalidated).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../api/orgTypes';
import { detailsText } from './ActivityTab';

describe('detailsText', () => {
  it.each([
    ['no details', null, ''],
    ['a role changed', { before: 'member', after: 'admin' }, 'member → admin'],
    [
      'fields changed',
      { vat_id: { before: 'DE1', after: 'DE2' }, name: { before: 'A', after: 'B' } },
      'vat_id: DE1 → DE2; name: A → B',
    ],
    ['a removal', { role: 'admin' }, 'role: admin'],
    ['a change with more', { before: 'a', after: 'b', email: 'x@y' }, 'a → b; email: x@y'],
    ['half a change', { before: 'a' }, 'before: a'],
  ])('%s', (_, details, want) => {
    // The schema says only "an object": the details of each action are its own.
    expect(detailsText(details as unknown as AuditEvent['details'])).toBe(want);
  });
});

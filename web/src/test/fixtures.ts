import type { Me } from '../api/types';

/** aMe is a signed-in user for unit tests: a vendor admin with accepted terms by default. */
export function aMe(overrides: Partial<Me> = {}): Me {
  return {
    user: {
      id: 'usr_01',
      email: 'ada@vendor.example',
      name: 'Ada Lovelace',
      created_at: '2026-01-01T00:00:00Z',
    },
    memberships: [],
    terms: { current_version: 1, accepted_version: 1, required: false },
    vendor_admin: true,
    ...overrides,
  };
}

import { describe, expect, it } from 'vitest';
import type { Membership, Org } from '../../api/orgTypes';
import { canAll, creatableKinds, standings } from './permissions';

function org(id: string, kind: Org['kind'], distributor: string | null = null): Org {
  return {
    id,
    name: id,
    kind,
    distributor: distributor === null ? null : { id: distributor, name: distributor },
    billing_email: '',
    address: '',
    vat_id: '',
    created_at: '2026-01-01T00:00:00Z',
    updated_at: null,
  };
}

function member(o: Org, role: Membership['role']): Membership {
  return { org_id: o.id, org_name: o.name, org_kind: o.kind, role, joined_at: '' };
}

const vendor = org('org_v', 'vendor');
const dist = org('org_d', 'distributor');
const client = org('org_c', 'client', 'org_d');
const other = org('org_o', 'client', 'org_x');

describe('standings', () => {
  it.each([
    ['a client member towards the client', [member(client, 'member')], client, ['ownMember']],
    ['a distributor admin towards its client', [member(dist, 'admin')], client, ['distAdmin']],
    ['a distributor admin towards another client', [member(dist, 'admin')], other, []],
    ['a client member towards another client', [member(client, 'member')], other, []],
    ['a vendor member towards any client', [member(vendor, 'member')], other, ['vendorMember']],
    ['a vendor admin towards the vendor', [member(vendor, 'admin')], vendor, ['vendorOrgAdmin']],
  ])('%s', (_, ms, o, want) => {
    expect(standings(ms, o)).toEqual(want);
  });
});

describe('canAll', () => {
  it('lets a client member see and invite members, nothing more', () => {
    const can = canAll([member(client, 'member')], client);
    expect(can).toMatchObject({ view: true, invite: true, manageMembers: false, edit: false });
    expect(can.audit).toBe(false);
  });

  it('lets a client admin manage members, edit and read the log, not move', () => {
    const can = canAll([member(client, 'admin')], client);
    expect(can).toMatchObject({ manageMembers: true, edit: true, audit: true, move: false });
  });

  it('lets a distributor member edit its client but not manage its members', () => {
    const can = canAll([member(dist, 'member')], client);
    expect(can).toMatchObject({ edit: true, manageMembers: false, audit: true, move: false });
  });

  it('lets the vendor staff move a client, not a distributor', () => {
    expect(canAll([member(vendor, 'member')], client).move).toBe(true);
    expect(canAll([member(vendor, 'member')], dist).move).toBe(false);
  });

  it('gives nothing on an organisation out of reach', () => {
    expect(Object.values(canAll([member(dist, 'admin')], other)).some(Boolean)).toBe(false);
  });
});

describe('creatableKinds', () => {
  it.each([
    ['a vendor admin', [member(vendor, 'admin')], ['distributor', 'client']],
    ['a vendor member', [member(vendor, 'member')], ['client']],
    ['a distributor member', [member(dist, 'member')], ['client']],
    ['a client admin', [member(client, 'admin')], []],
  ])('%s', (_, ms, want) => {
    expect(creatableKinds(ms)).toEqual(want);
  });
});

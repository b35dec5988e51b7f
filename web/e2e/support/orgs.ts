// Organisations and their people made through the API, for the tests of screens that need them
// without being about making them.
import { randomBytes } from 'node:crypto';
import { expect, type APIRequestContext } from '@playwright/test';
import { getJSON, postJSON, signedInAPI } from './api';
import { newPerson, type Person } from './people';

/** OrgRef is what the tests need of an organisation. */
export interface OrgRef {
  id: string;
  name: string;
}

/** Actor is a person with an API client signed in as them, and their user id. */
export interface Actor extends Person {
  id: string;
  api: APIRequestContext;
}

/** tag is a short random text that makes the names of one test its own. */
export function tag(): string {
  return randomBytes(3).toString('hex');
}

/** newActor makes a person (see newPerson) and signs them in to the API. */
export async function newActor(label: string, opts: { vendorAdmin?: boolean } = {}) {
  const person = await newPerson(label, opts);
  const api = await signedInAPI(person);
  const me = await getJSON<{ user: { id: string } }>(api, '/api/v1/me');
  const actor: Actor = { ...person, id: me.user.id, api };
  return actor;
}

/** OrgFields are the body of POST /api/v1/orgs. */
export interface OrgFields {
  name: string;
  kind: 'distributor' | 'client';
  distributor_id?: string;
  billing_email?: string;
  address?: string;
  vat_id?: string;
}

/** createOrg creates an organisation as the API client's person. */
export async function createOrg(api: APIRequestContext, fields: OrgFields): Promise<OrgRef> {
  return postJSON<OrgRef>(api, '/api/v1/orgs', fields);
}

/** invite invites address into org with role and returns the answer's status. */
export async function invite(
  api: APIRequestContext,
  org: string,
  email: string,
  role: 'admin' | 'member' = 'member',
) {
  const path = `/api/v1/orgs/${org}/invitations`;
  return (await postJSON<{ status: 'added' | 'invited' }>(api, path, { email, role })).status;
}

/** addMember makes person, who has an account, a member of org with role, through invite. */
export async function addMember(
  api: APIRequestContext,
  org: string,
  person: Person,
  role: 'admin' | 'member' = 'member',
) {
  expect(await invite(api, org, person.email, role)).toBe('added');
}

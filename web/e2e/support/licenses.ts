// The organisations and people of the license tests, made through the API as the vendor's
// admin: a distributor with its admin, and a client that the distributor manages.
import { randomBytes } from 'node:crypto';
import { expect, request, type APIRequestContext } from '@playwright/test';
import { setting } from './env';
import { newPerson, type Person } from './people';

/** signedInAPI is an API client signed in as person, with the session cookie. */
export async function signedInAPI(person: Person): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL: setting('BASE_URL') });
  const answer = await api.post('/api/v1/session', {
    data: { email: person.email, password: person.password },
  });
  expect(answer.status(), await answer.text()).toBe(200);
  return api;
}

// postJSON posts data and returns the answer's JSON, failing unless the status is want.
async function postJSON<T>(api: APIRequestContext, path: string, data: unknown, want = 201) {
  const answer = await api.post(path, { data });
  expect(answer.status(), `POST ${path}: ${await answer.text()}`).toBe(want);
  return (await answer.json()) as T;
}

/** OrgRef is what the tests need of an organisation. */
export interface OrgRef {
  id: string;
  name: string;
}

/** Distribution is a distributor, its admin, and a client it manages. */
export interface Distribution {
  distributor: OrgRef;
  distributorAdmin: Person;
  client: OrgRef;
}

/**
 * newDistribution makes a vendor admin, who creates a distributor and adds a fresh person as
 * its admin; that admin then creates a client of the distributor.
 */
export async function newDistribution(label: string): Promise<Distribution> {
  const tag = randomBytes(3).toString('hex');
  const vendor = await newPerson(`${label}-vendor`, { vendorAdmin: true });
  const distributorAdmin = await newPerson(`${label}-dist`);
  const asVendor = await signedInAPI(vendor);
  const distributor = await postJSON<OrgRef>(asVendor, '/api/v1/orgs', {
    name: `Distributor ${tag}`,
    kind: 'distributor',
  });
  const invite = await postJSON<{ status: string }>(
    asVendor,
    `/api/v1/orgs/${distributor.id}/invitations`,
    { email: distributorAdmin.email, role: 'admin' },
  );
  expect(invite.status).toBe('added');
  await asVendor.dispose();
  const asDistributor = await signedInAPI(distributorAdmin);
  const client = await postJSON<OrgRef>(asDistributor, '/api/v1/orgs', {
    name: `Client ${tag}`,
    kind: 'client',
    distributor_id: distributor.id,
  });
  await asDistributor.dispose();
  return { distributor, distributorAdmin, client };
}

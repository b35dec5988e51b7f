// The API as the tests call it to set up what a test is not about: signed in as one person,
// each call failing the test unless the server answers as expected.
import { expect, request, type APIRequestContext } from '@playwright/test';
import { setting } from './env';
import type { Person } from './people';

/** signedInAPI is an API client signed in as person, with the session cookie. */
export async function signedInAPI(person: Person): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL: setting('BASE_URL') });
  const answer = await api.post('/api/v1/session', {
    data: { email: person.email, password: person.password },
  });
  expect(answer.status(), await answer.text()).toBe(200);
  return api;
}

/** postJSON posts data and returns the answer's JSON, failing unless the status is want. */
export async function postJSON<T>(api: APIRequestContext, path: string, data: unknown, want = 201) {
  const answer = await api.post(path, { data });
  expect(answer.status(), `POST ${path}: ${await answer.text()}`).toBe(want);
  return (await answer.json()) as T;
}

/** patchJSON patches path with data and returns the answer's JSON, failing unless it is a 200. */
export async function patchJSON<T>(api: APIRequestContext, path: string, data: unknown) {
  const answer = await api.patch(path, { data });
  expect(answer.status(), `PATCH ${path}: ${await answer.text()}`).toBe(200);
  return (await answer.json()) as T;
}

/** getJSON reads path, failing unless the answer is a 200. */
export async function getJSON<T>(api: APIRequestContext, path: string) {
  const answer = await api.get(path);
  expect(answer.status(), `GET ${path}: ${await answer.text()}`).toBe(200);
  return (await answer.json()) as T;
}

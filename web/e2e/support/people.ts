// The people of the browser tests: the first vendor admin, made by the first-admin test from
// the server's setup link, and fresh accounts that each test makes for itself with
// `licensor admin create-user`, so that tests running side by side never share a session, a
// password or a sign-in throttle.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { expect } from '@playwright/test';
import { setting } from './env';

/** Person is an account that the tests can sign in with. */
export interface Person {
  email: string;
  name: string;
  password: string;
}

/** firstAdmin is the vendor admin that first-admin.setup.ts creates through the setup link. */
export const firstAdmin: Person = {
  email: 'ada@vendor.example',
  name: 'Ada Admin',
  password: 'the first admin of the portal',
};

/** uniqueEmail is an address that no other test uses. */
export function uniqueEmail(label: string): string {
  return `${label}-${randomBytes(4).toString('hex')}@client.example`;
}

const run = promisify(execFile);

/**
 * newPerson makes an account with `licensor admin create-user` against the running server's
 * data, then sets its password through the set-password link that the command prints, and
 * signs out of the session that this opens.
 */
export async function newPerson(label: string, opts: { vendorAdmin?: boolean } = {}) {
  const person: Person = {
    email: uniqueEmail(label),
    name: `${label[0]?.toUpperCase() ?? ''}${label.slice(1)} Tester`,
    password: `a password for ${label} ${randomBytes(3).toString('hex')}`,
  };
  const args = ['admin', 'create-user', '--email', person.email, '--name', person.name];
  if (opts.vendorAdmin === true) args.push('--vendor-admin');
  const { stdout, stderr } = await run(setting('BIN'), args, {
    env: {
      ...process.env,
      LICENSOR_DATA_DIR: setting('DATA_DIR'),
      LICENSOR_PUBLIC_URL: setting('BASE_URL'),
      LICENSOR_SMTP_URL: setting('SMTP_URL'),
    },
  });
  const link = /\/setup#token=([A-Za-z0-9_-]+)/.exec(stdout + stderr);
  if (link === null) throw new Error(`create-user printed no setup link:\n${stdout}${stderr}`);
  const answer = await fetch(`${setting('BASE_URL')}/api/v1/setup`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ token: link[1], password: person.password }),
  });
  expect(answer.status, await answer.clone().text()).toBe(200);
  await endSession(answer);
  return person;
}

// endSession signs out of the session that setting the password opened, so that a new person
// has no session but those of the test's browsers.
async function endSession(answer: Response) {
  const cookie = answer.headers.getSetCookie().map((c) => c.split(';')[0] ?? '');
  const end = await fetch(`${setting('BASE_URL')}/api/v1/session`, {
    method: 'DELETE',
    headers: { Cookie: cookie.join('; ') },
  });
  expect(end.status, await end.clone().text()).toBe(204);
}

// Mailpit, the SMTP server that keeps every mail, for the browser tests: starting it in the
// global setup, and reading the mails back through its REST API in the tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, openSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { expect } from '@playwright/test';

/** mailpitBin is the Mailpit that scripts/tools.sh installs into the tool cache. */
export function mailpitBin(): string {
  const cache = process.env.LICENSOR_CACHE ?? join(homedir(), '.cache', 'licensor');
  return join(cache, 'bin', 'mailpit');
}

/**
 * startMailpit runs Mailpit on the given ports of 127.0.0.1, with its database and log in dir,
 * with the same flags as the Go tests (internal/testenv/mailpit.go): no call home, no reverse
 * DNS, plain SMTP without authentication.
 */
export function startMailpit(dir: string, smtpPort: number, httpPort: number): ChildProcess {
  const bin = mailpitBin();
  if (!existsSync(bin)) throw new Error(`no Mailpit at ${bin}: run scripts/tools.sh`);
  const log = openSync(join(dir, 'mailpit.log'), 'w');
  const args = [
    ...['-s', `127.0.0.1:${String(smtpPort)}`, '-l', `127.0.0.1:${String(httpPort)}`],
    ...['-d', join(dir, 'mailpit.db'), '--disable-version-check', '--smtp-disable-rdns'],
  ];
  return spawn(bin, args, { stdio: ['ignore', log, log] });
}

/** Mail is a mail that Mailpit received, with its text part. */
export interface Mail {
  id: string;
  subject: string;
  to: string[];
  text: string;
}

interface Summary {
  ID: string;
  Subject: string;
  To: { Address: string }[] | null;
}

function api(): string {
  const url = process.env.LICENSOR_E2E_MAILPIT_URL;
  if (url === undefined || url === '') throw new Error('Mailpit was not started by the setup');
  return url;
}

async function getJSON<T>(path: string): Promise<T> {
  const answer = await fetch(`${api()}${path}`);
  if (!answer.ok) throw new Error(`mailpit: GET ${path}: ${String(answer.status)}`);
  return (await answer.json()) as T;
}

/** mailsTo lists the mails to an address (compared without case), newest first. */
export async function mailsTo(address: string): Promise<Summary[]> {
  const list = await getJSON<{ messages: Summary[] }>('/api/v1/messages?limit=500');
  const want = address.toLowerCase();
  return list.messages.filter((m) => (m.To ?? []).some((t) => t.Address.toLowerCase() === want));
}

async function read(summary: Summary): Promise<Mail> {
  const full = await getJSON<{ Text: string }>(`/api/v1/message/${summary.ID}`);
  return {
    id: summary.ID,
    subject: summary.Subject,
    to: (summary.To ?? []).map((t) => t.Address),
    text: full.Text,
  };
}

/**
 * waitForMail waits (up to 20 s: the outbox sends in the background) for a mail to address
 * whose text holds a match of `pattern` (that `accept`, when given, accepts), and returns the
 * mail and the match.
 */
export async function waitForMail(
  address: string,
  pattern: RegExp,
  accept: (match: RegExpMatchArray) => boolean = () => true,
): Promise<{ mail: Mail; match: RegExpMatchArray }> {
  let found: { mail: Mail; match: RegExpMatchArray } | undefined;
  await expect
    .poll(
      async () => {
        for (const summary of await mailsTo(address)) {
          const mail = await read(summary);
          const match = pattern.exec(mail.text);
          if (match && accept(match)) {
            found = { mail, match };
            return true;
          }
        }
        return false;
      },
      { message: `a mail to ${address} matching ${String(pattern)}`, timeout: 20_000 },
    )
    .toBe(true);
  if (found === undefined) throw new Error('unreachable: the poll passed without a mail');
  return found;
}

/**
 * mailedLink waits for the link to `path` with a token in a mail to address, and returns the
 * newest; `except` waits for another link than that one (one mailed again, say).
 */
export async function mailedLink(address: string, path: string, except?: string) {
  const base = process.env.LICENSOR_E2E_BASE_URL ?? '';
  const escaped = `${base}${path}`.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`${escaped}#token=[A-Za-z0-9_-]+`);
  const { match } = await waitForMail(address, pattern, (m) => m[0] !== except);
  return match[0];
}

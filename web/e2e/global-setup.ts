// Starts Mailpit and the Licensor binary (LICENSOR_BIN, by default ../bin/licensor) with
// `serve` on free ports of 127.0.0.1 and an empty data directory, the server sending its mails
// to Mailpit; waits until both answer, and hands their addresses to the tests in environment
// variables (LICENSOR_E2E_*, read by support/env.ts), with the setup link that the server
// prints at its first start. The returned function is the teardown: it stops both by their
// process ids and removes the directory.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, openSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { allowedReturnURL } from './support/env';
import { startMailpit } from './support/mailpit';

const defaultBin = fileURLToPath(new URL('../../bin/licensor', import.meta.url));

export default async function globalSetup(): Promise<() => Promise<void>> {
  const bin = resolve(process.env.LICENSOR_BIN ?? defaultBin);
  if (!existsSync(bin)) {
    throw new Error(`no Licensor binary at ${bin}: run \`make web build\` or set LICENSOR_BIN`);
  }
  const dir = await mkdtemp(join(tmpdir(), 'licensor-e2e-'));
  const [port, smtpPort, mailPort] = [await freePort(), await freePort(), await freePort()];
  const base = `http://127.0.0.1:${String(port)}`;
  const mailpitURL = `http://127.0.0.1:${String(mailPort)}`;
  const logPath = join(dir, 'server.log');
  const dataDir = join(dir, 'data');
  await mkdir(join(dir, 'mailpit'));
  const mailpit = startMailpit(join(dir, 'mailpit'), smtpPort, mailPort);
  const env = {
    ...process.env,
    LICENSOR_ADDR: `127.0.0.1:${String(port)}`,
    LICENSOR_DATA_DIR: dataDir,
    LICENSOR_PUBLIC_URL: base,
    LICENSOR_SMTP_URL: `smtp://127.0.0.1:${String(smtpPort)}`,
    LICENSOR_RETURN_URLS: allowedReturnURL,
  };
  const log = openSync(logPath, 'w');
  const server = spawn(bin, ['serve'], { env, stdio: ['ignore', log, log] });
  const stopAndClean = async () => {
    await stop(server);
    await stop(mailpit);
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await waitForMailpit(mailpitURL, mailpit);
    await waitForServer(base, server);
  } catch (err) {
    const output = readFileSync(logPath, 'utf8');
    await stopAndClean();
    throw new Error(`${String(err)}\nserver output:\n${output}`, { cause: err });
  }
  process.env.LICENSOR_E2E_BASE_URL = base;
  process.env.LICENSOR_E2E_MAILPIT_URL = mailpitURL;
  process.env.LICENSOR_E2E_BIN = bin;
  process.env.LICENSOR_E2E_DATA_DIR = dataDir;
  process.env.LICENSOR_E2E_SMTP_URL = env.LICENSOR_SMTP_URL;
  process.env.LICENSOR_E2E_SETUP_URL = await setupLink(logPath);
  return stopAndClean;
}

// setupLink finds the one-time link that a first start prints, waiting a little for it: the
// server may print it just after it starts to answer. "" when there is none; the test that
// uses it then says so.
async function setupLink(logPath: string): Promise<string> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const match = /https?:\/\/\S+\/setup#token=[A-Za-z0-9_-]+/.exec(readFileSync(logPath, 'utf8'));
    if (match) return match[0];
    if (Date.now() > deadline) return '';
    await new Promise((r) => setTimeout(r, 100));
  }
}

// waitForMailpit polls Mailpit's API for up to 20 seconds.
async function waitForMailpit(url: string, mailpit: ChildProcess): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (mailpit.exitCode !== null) {
      throw new Error(`mailpit exited with ${String(mailpit.exitCode)}`);
    }
    const ok = await fetch(`${url}/api/v1/messages?limit=1`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`no answer from Mailpit at ${url} in 20 s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => {
        done(port);
      });
    });
  });
}

// waitForServer polls /healthz for up to 20 seconds, then checks that the binary holds a built
// UI rather than the page that says how to build one.
async function waitForServer(base: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (server.exitCode !== null)
      throw new Error(`the server exited with ${String(server.exitCode)}`);
    const healthy = await fetch(`${base}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) break;
    if (Date.now() > deadline) throw new Error(`no answer from ${base}/healthz in 20 s`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const index = await (await fetch(base)).text();
  if (!index.includes('id="root"')) {
    throw new Error('the binary has no built web UI: run `make web build` first');
  }
}

// stop ends a process by its id: SIGTERM for a graceful shutdown, SIGKILL after 10 s.
async function stop(server: ChildProcess): Promise<void> {
  if (server.pid === undefined || server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((r) => server.once('exit', r));
  process.kill(server.pid, 'SIGTERM');
  const timer = setTimeout(() => {
    if (server.pid !== undefined && server.exitCode === null) process.kill(server.pid, 'SIGKILL');
  }, 10_000);
  await exited;
  clearTimeout(timer);
}

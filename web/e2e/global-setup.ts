// Starts the Licensor binary (LICENSOR_BIN, by default ../bin/licensor) with `serve` on a free
// port of 127.0.0.1 and an empty data directory, waits until it answers, and hands its address
// to the tests in LICENSOR_E2E_BASE_URL. The returned function is the teardown: it stops the
// server by its process id and removes the directory.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, openSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const defaultBin = fileURLToPath(new URL('../../bin/licensor', import.meta.url));

export default async function globalSetup(): Promise<() => Promise<void>> {
  const bin = resolve(process.env.LICENSOR_BIN ?? defaultBin);
  if (!existsSync(bin)) {
    throw new Error(`no Licensor binary at ${bin}: run \`make web build\` or set LICENSOR_BIN`);
  }
  const dir = await mkdtemp(join(tmpdir(), 'licensor-e2e-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${String(port)}`;
  const logPath = join(dir, 'server.log');
  const log = openSync(logPath, 'w');
  const server = spawn(bin, ['serve'], {
    env: {
      ...process.env,
      LICENSOR_ADDR: `127.0.0.1:${String(port)}`,
      LICENSOR_DATA_DIR: join(dir, 'data'),
      LICENSOR_PUBLIC_URL: base,
    },
    stdio: ['ignore', log, log],
  });
  const stopAndClean = async () => {
    await stop(server);
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await waitForServer(base, server);
  } catch (err) {
    const output = readFileSync(logPath, 'utf8');
    await stopAndClean();
    throw new Error(`${String(err)}\nserver output:\n${output}`, { cause: err });
  }
  process.env.LICENSOR_E2E_BASE_URL = base;
  return stopAndClean;
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

// stop ends the server by its process id: SIGTERM for a graceful shutdown, SIGKILL after 10 s.
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

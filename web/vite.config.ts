/// <reference types="vitest/config" />
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// The Go package internal/webui embeds this folder into the binary.
const outDir = fileURLToPath(new URL('../internal/webui/dist', import.meta.url));
const placeholder = `${outDir}/.gitkeep`;

// The Go server that `vite` (the dev server) sends API calls to; see README.md.
const apiTarget = process.env.LICENSOR_DEV_API ?? 'http://127.0.0.1:8080';

// emptyOutDir removes the committed dist/.gitkeep, without which `go build` fails on a clone
// that has no built UI; this plugin writes it back after every build.
function keepPlaceholder(): Plugin {
  let text = '';
  return {
    name: 'licensor-keep-placeholder',
    apply: 'build',
    buildStart() {
      text = readFileSync(placeholder, 'utf8');
    },
    writeBundle() {
      writeFileSync(placeholder, text);
    },
  };
}

export default defineConfig({
  plugins: [react(), keepPlaceholder()],
  build: {
    outDir,
    emptyOutDir: true,
    // No data: URLs: the Content-Security-Policy (default-src 'self') would refuse them.
    assetsInlineLimit: 0,
  },
  server: {
    proxy: {
      '/api': apiTarget,
      '/healthz': apiTarget,
      '/readyz': apiTarget,
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    restoreMocks: true,
    unstubGlobals: true,
    // The machine's two cores are shared with other work: a user-event test may take seconds.
    testTimeout: 20_000,
  },
});

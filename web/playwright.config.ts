import { defineConfig } from '@playwright/test';

// Browser tests against a real Licensor server that e2e/global-setup.ts starts (it builds
// nothing: `make e2e` builds the UI and the binary first). Playwright's own browser download
// cannot work here, so the tests drive Debian's Chromium.
export default defineConfig({
  testDir: './e2e',
  globalSetup: './e2e/global-setup.ts',
  fullyParallel: true,
  // The machine has two cores, shared with the server under test.
  workers: process.env.CI ? 1 : 2,
  // A long flow, with axe-core run on several screens, takes half a minute alone on them, and
  // longer beside another: Playwright's default of 30 s failed such tests that were only slow.
  timeout: 120_000,
  // On a loaded machine an answer may take more than the default 5 s: assertions wait 10 s.
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: process.env.CI ? 'list' : [['list'], ['html', { open: 'never' }]],
  // The first-admin project makes the vendor admin through the setup link, before anything
  // else; the terms project (every file ending in terms.spec.ts) runs last and one file at a
  // time, as a new version of the terms puts every signed-in user, those of the tests running
  // beside it included, before the terms.
  projects: [
    { name: 'first-admin', testMatch: /first-admin\.setup\.ts/ },
    { name: 'main', dependencies: ['first-admin'], testIgnore: /terms\.spec\.ts/ },
    { name: 'terms', dependencies: ['main'], testMatch: /terms\.spec\.ts/, workers: 1 },
  ],
  use: {
    // Set by the global setup before the workers start, which read it from their environment.
    baseURL: process.env.LICENSOR_E2E_BASE_URL,
    browserName: 'chromium',
    headless: true,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});

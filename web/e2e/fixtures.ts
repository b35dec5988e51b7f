// The tests' own `test`. Every test fails when the browser reports an error that the test did
// not expect, a Content-Security-Policy refusal among them (a component writing a <style>
// element, say); `expectAccessible` runs axe-core on the page as it stands.
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type ConsoleMessage, type Page } from '@playwright/test';

export { expect };

/** BrowserErrors lets a test expect some of the errors the browser reports. */
export interface BrowserErrors {
  /** allow lets errors whose text matches pattern pass, as a test that fakes a 503 needs. */
  allow(pattern: RegExp): void;
  /** watch checks another page too: one of a second person's browser context, say. */
  watch(page: Page): void;
}

export const test = base.extend<{ browserErrors: BrowserErrors }>({
  browserErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      const allowed: RegExp[] = [];
      const watch = (watched: Page) => {
        watched.on('console', (message) => {
          if (message.type() !== 'error' || expectedAnswer(message)) return;
          errors.push(`console: ${message.text()}`);
        });
        watched.on('pageerror', (error) => {
          errors.push(`page: ${error.message}`);
        });
      };
      watch(page);
      await use({ allow: (pattern) => allowed.push(pattern), watch });
      const unexpected = errors.filter((e) => !allowed.some((pattern) => pattern.test(e)));
      expect(unexpected, 'errors reported by the browser').toEqual([]);
    },
    { auto: true },
  ],
});

// expectedAnswer recognises the 4xx answers that are how the UI learns a state rather than
// errors, though Chromium reports every 4xx on the console: the 401 of GET /api/v1/me (nobody
// is signed in) and the 404 of GET /api/v1/terms (no terms are published yet).
function expectedAnswer(message: ConsoleMessage): boolean {
  const { pathname } = new URL(message.location().url || 'about:blank');
  const text = message.text();
  return (
    (text.includes('status of 401') && pathname === '/api/v1/me') ||
    (text.includes('status of 404') && pathname === '/api/v1/terms')
  );
}

/** expectAccessible fails when axe-core finds a serious or critical violation on the page. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  const grave = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => {
      const where = v.nodes.map((n) => n.target.join(' ')).join(', ');
      // The first node's summary says what axe measured (colours and ratio, say).
      const first = v.nodes[0]?.failureSummary?.replace(/\s+/g, ' ') ?? '';
      return `${v.id} (${String(v.impact)}): ${v.help}; ${where}; ${first}`;
    });
  expect(grave, 'serious or critical accessibility violations').toEqual([]);
}

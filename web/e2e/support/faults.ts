// Faults of the server, made in the browser: requests answered with a problem, or held back,
// so that the tests see the error and loading states of a screen.
import type { Page } from '@playwright/test';

/** Fault controls requests that a test intercepts. */
export interface Fault {
  /** stop lets the requests through again. */
  stop(): void;
}

/**
 * failRequests answers the requests whose URL matches pattern with a 503 problem carrying the
 * request id req_e2e, until stopped.
 */
export async function failRequests(page: Page, pattern: string | RegExp): Promise<Fault> {
  let failing = true;
  await page.route(pattern, async (route) => {
    if (!failing) {
      await route.fallback();
      return;
    }
    await route.fulfill({
      status: 503,
      contentType: 'application/problem+json',
      headers: { 'X-Request-Id': 'req_e2e' },
      body: JSON.stringify({
        type: 'urn:licensor:problem:unavailable',
        title: 'Service Unavailable',
        status: 503,
        code: 'unavailable',
        detail: 'The store is unreachable.',
        request_id: 'req_e2e',
      }),
    });
  });
  return {
    stop: () => {
      failing = false;
    },
  };
}

/** holdRequests keeps the requests whose URL matches pattern waiting until released. */
export async function holdRequests(page: Page, pattern: string | RegExp): Promise<Fault> {
  let release: (() => void) | undefined;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(pattern, async (route) => {
    await released;
    await route.fallback();
  });
  return { stop: () => release?.() };
}

/** apiPath matches the requests of one API path, with any query: not those of longer paths. */
export function apiPath(path: string): RegExp {
  return new RegExp(`${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:\\?|$)`);
}

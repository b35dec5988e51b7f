// The terms and conditions, through the API, for the tests that need them in a known state
// before the browser comes in.
import { expect, request, type Locator, type Page } from '@playwright/test';
import { setting } from './env';
import { signedInAPI } from './api';
import { newPerson, type Person } from './people';

/** currentTermsVersion is the number of the current terms, 0 while none is published. */
export async function currentTermsVersion(): Promise<number> {
  const api = await request.newContext({ baseURL: setting('BASE_URL') });
  const answer = await api.get('/api/v1/terms');
  const status = answer.status();
  const body = (await answer.json()) as { version?: number };
  await api.dispose();
  expect([200, 404], `GET /api/v1/terms answered ${String(status)}`).toContain(status);
  return status === 200 ? (body.version ?? 0) : 0;
}

/** acceptCurrentTerms accepts the current terms as person, if there are any. */
export async function acceptCurrentTerms(person: Person): Promise<void> {
  const version = await currentTermsVersion();
  if (version === 0) return;
  const api = await signedInAPI(person);
  const answer = await api.post('/api/v1/me/terms', { data: { version } });
  expect(answer.status(), await answer.text()).toBe(200);
  await api.dispose();
}

/**
 * publishTerms publishes text as admin, a vendor admin, accepting the current terms first as
 * the server requires; it returns the new version's number.
 */
export async function publishTerms(admin: Person, text: string): Promise<number> {
  await acceptCurrentTerms(admin);
  const api = await signedInAPI(admin);
  const answer = await api.post('/api/v1/terms', { data: { text } });
  expect(answer.status(), await answer.text()).toBe(201);
  const { version } = (await answer.json()) as { version: number };
  await api.dispose();
  return version;
}

/** termsInForce makes sure some version of the terms is published, and returns the current. */
export async function termsInForce(): Promise<number> {
  const current = await currentTermsVersion();
  if (current > 0) return current;
  const admin = await newPerson('first-terms', { vendorAdmin: true });
  return publishTerms(admin, termsText('in force'));
}

/** termsText is Markdown with raw HTML in it that must never reach the page as HTML. */
export function termsText(tag: string): string {
  return [
    `# Terms of use ${tag}`,
    '',
    'Use the portal **kindly**.',
    '',
    '- Keep your password to yourself.',
    '- Tell us of any misuse.',
    '',
    '<script>window.pwned = "script"</script>',
    '',
    '<img src="/x.png" onerror="window.pwned = \'img\'">',
    '',
    'Some <b onclick="window.pwned = \'b\'">raw</b> words.',
    '',
    '[A link that runs code](javascript:window.pwned=1)',
  ].join('\n');
}

/** expectSafelyRendered checks the Markdown of termsText as shown in `shown`. */
export async function expectSafelyRendered(page: Page, shown: Locator, tag: string) {
  await expect(shown.getByRole('heading', { name: `Terms of use ${tag}` })).toBeVisible();
  await expect(shown.locator('strong')).toHaveText('kindly');
  await expect(shown.getByRole('listitem')).toHaveText([
    'Keep your password to yourself.',
    'Tell us of any misuse.',
  ]);
  // The raw HTML is dropped: no element of it, and none of its code as text either.
  await expect(shown).toContainText('Some raw words.');
  await expect(shown.locator('script, img, b, [onerror], [onclick]')).toHaveCount(0);
  await expect(shown).not.toContainText('pwned');
  // The link's text stays, its javascript: address does not.
  const link = shown.getByText('A link that runs code');
  expect(await link.getAttribute('href')).not.toMatch(/javascript/i);
  expect(await page.evaluate(() => (window as { pwned?: unknown }).pwned)).toBeUndefined();
}

/** acceptancePage is the terms gate's page for version. */
export function acceptancePage(page: Page, version: number) {
  return page.getByRole('region', { name: `Terms, version ${String(version)}` });
}

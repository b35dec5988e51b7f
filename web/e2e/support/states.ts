// The error state that a fault of support/faults.ts brings about, and the way out of it.
import type { Page } from '@playwright/test';
import { expect, expectAccessible } from '../fixtures';
import type { Fault } from './faults';

/**
 * expectRetried waits for the error state titled title that fault caused, checks that it
 * explains the failure with its reference and is accessible, then stops the fault and tries
 * again from the error state, which goes away.
 */
export async function expectRetried(page: Page, fault: Fault, title: string) {
  const alert = page.getByRole('alert').filter({ hasText: title });
  // The query cache tries a server error three times, seconds apart, before it shows it.
  await expect(alert).toContainText('The store is unreachable.', { timeout: 20_000 });
  await expect(alert).toContainText('req_e2e');
  await expectAccessible(page);
  fault.stop();
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(alert).toBeHidden();
}

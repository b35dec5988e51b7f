import { useSyncExternalStore } from 'react';

/**
 * A flag raised when an API call answers 403 `terms_required`: a new version was published
 * since GET /me last said otherwise. The terms gate shows the terms while it is up; accepting
 * them, signing in or signing out lowers it. It is UI state, so it lives here, not in the
 * query cache.
 */
let required = false;
const listeners = new Set<() => void>();

function set(value: boolean): void {
  if (required === value) return;
  required = value;
  for (const listener of listeners) listener();
}

/** raiseTermsRequired records that the server asked for the terms to be accepted. */
export function raiseTermsRequired(): void {
  set(true);
}

/** clearTermsRequired lowers the flag. */
export function clearTermsRequired(): void {
  set(false);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** useTermsRequired is the flag, kept up to date. */
export function useTermsRequired(): boolean {
  return useSyncExternalStore(subscribe, () => required);
}

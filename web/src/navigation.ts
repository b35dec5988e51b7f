import type { Me } from './api/types';

/** NavItem is one entry of the main navigation. */
export interface NavItem {
  /** to is the path the entry opens. */
  to: string;
  label: string;
  /** end marks the entry active on `to` alone, not on the paths below it. */
  end?: boolean;
  /** requires hides the entry from those who may not open it. */
  requires?: 'signed_in' | 'vendor_admin';
}

/**
 * navItems is the main navigation, in order. Each screen that later issues add (organisations,
 * licenses, usage, invoices...) adds its entry here, and nothing is listed before it exists.
 */
export const navItems: readonly NavItem[] = [
  { to: '/', label: 'Home', end: true },
  { to: '/orgs', label: 'Organisations', requires: 'signed_in' },
  { to: '/admin/terms', label: 'Terms', requires: 'vendor_admin' },
];

/** visibleNavItems are the entries that `me` (null when signed out) may open. */
export function visibleNavItems(items: readonly NavItem[], me: Me | null | undefined): NavItem[] {
  return items.filter((item) => {
    if (item.requires === undefined) return true;
    if (me === null || me === undefined) return false;
    return item.requires === 'signed_in' || me.vendor_admin;
  });
}

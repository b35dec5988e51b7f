/** NavItem is one entry of the main navigation. */
export interface NavItem {
  /** to is the path the entry opens. */
  to: string;
  label: string;
  /** end marks the entry active on `to` alone, not on the paths below it. */
  end?: boolean;
}

/**
 * navItems is the main navigation, in order. Each screen that later issues add (organisations,
 * licenses, usage, invoices...) adds its entry here, and nothing is listed before it exists.
 */
export const navItems: readonly NavItem[] = [{ to: '/', label: 'Home', end: true }];

import { NavLink } from '@mantine/core';
import { Link, useMatch } from 'react-router';
import type { NavItem } from '../navigation';

interface NavMenuProps {
  items: readonly NavItem[];
  /** onNavigate runs when an entry is followed; the layout closes the mobile menu with it. */
  onNavigate?: () => void;
}

/** NavMenu lists navigation entries, the current one marked for sight and for screen readers. */
export function NavMenu({ items, onNavigate }: NavMenuProps) {
  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {items.map((item) => (
        <li key={item.to}>
          <NavMenuLink item={item} {...(onNavigate && { onNavigate })} />
        </li>
      ))}
    </ul>
  );
}

function NavMenuLink({ item, onNavigate }: { item: NavItem; onNavigate?: () => void }) {
  const active = useMatch({ path: item.to, end: item.end ?? false }) !== null;
  return (
    <NavLink
      component={Link}
      to={item.to}
      label={item.label}
      active={active}
      aria-current={active ? 'page' : undefined}
      onClick={onNavigate}
    />
  );
}

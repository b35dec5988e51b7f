import { Burger } from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import { Suspense, useRef } from 'react';
import { Link, Outlet } from 'react-router';
import { useMe } from '../api/me';
import { navItems, visibleNavItems } from '../navigation';
import classes from './AppLayout.module.css';
import { NavMenu } from './NavMenu';
import { OrgSwitcher } from './OrgSwitcher';
import { PageLoader } from './PageLoader';
import { SkipLink } from './SkipLink';
import { useFocusOnNavigate } from './useFocusOnNavigate';
import { UserMenu } from './UserMenu';

const navId = 'main-navigation';
const mainId = 'main';

/**
 * AppLayout is the frame of every screen: the header with the product's name and the user's
 * menu, the main navigation (behind a burger on narrow screens; its entries depend on who is
 * signed in) and the screen itself, with a skip link to it.
 */
export function AppLayout() {
  const me = useMe();
  const [navOpen, nav] = useDisclosure(false);
  const burger = useRef<HTMLButtonElement>(null);
  const main = useRef<HTMLElement>(null);
  useFocusOnNavigate(main);
  useHotkeys([
    [
      'Escape',
      () => {
        if (!navOpen) return;
        nav.close();
        burger.current?.focus();
      },
    ],
  ]);

  return (
    <div className={classes.shell} data-nav-open={navOpen || undefined}>
      <SkipLink targetId={mainId} />
      <header className={classes.header}>
        <Burger
          ref={burger}
          opened={navOpen}
          onClick={nav.toggle}
          hiddenFrom="sm"
          size="sm"
          aria-label="Main menu"
          aria-expanded={navOpen}
          aria-controls={navId}
        />
        <Link to="/" className={classes.brand}>
          Licensor
        </Link>
        <div className={classes.account}>
          <OrgSwitcher />
          <UserMenu />
        </div>
      </header>
      <nav id={navId} aria-label="Main" className={classes.nav}>
        <NavMenu items={visibleNavItems(navItems, me.data)} onNavigate={nav.close} />
      </nav>
      <main id={mainId} ref={main} tabIndex={-1} className={classes.main}>
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}

import { useEffect, useRef, type RefObject } from 'react';
import { useLocation } from 'react-router';

/**
 * useFocusOnNavigate moves the focus to target after each change of page (not on the first),
 * so that a keyboard or screen-reader user lands on the new content rather than on the link
 * that was followed, as after a page load.
 */
export function useFocusOnNavigate(target: RefObject<HTMLElement | null>) {
  const { pathname } = useLocation();
  const shown = useRef(pathname);
  useEffect(() => {
    if (shown.current === pathname) return;
    shown.current = pathname;
    target.current?.focus();
  }, [pathname, target]);
}

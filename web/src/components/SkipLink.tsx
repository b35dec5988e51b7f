import type { MouseEvent } from 'react';
import classes from './SkipLink.module.css';

/**
 * SkipLink lets a keyboard user jump past the header and navigation to the screen. It moves the
 * focus itself rather than following "#id", which would add the fragment to the address.
 */
export function SkipLink({ targetId }: { targetId: string }) {
  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    const target = document.getElementById(targetId);
    if (target === null) return;
    event.preventDefault();
    target.focus();
  };
  return (
    <a href={`#${targetId}`} className={classes.skip} onClick={skip}>
      Skip to content
    </a>
  );
}

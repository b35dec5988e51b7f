/** Page is one page of a list answer: `{items, next_cursor}`. */
export interface Page<T> {
  items: T[];
  next_cursor?: string;
}

/** nextCursor is the cursor of the page after `page`, undefined after the last one. */
export function nextCursor(page: { next_cursor?: string }): string | undefined {
  return page.next_cursor === undefined || page.next_cursor === '' ? undefined : page.next_cursor;
}

/** allItems puts the items of every page loaded so far in one list. */
export function allItems<T>(pages: readonly Page<T>[] | undefined): T[] {
  return pages?.flatMap((page) => page.items) ?? [];
}

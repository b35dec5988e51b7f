import { lazy, Suspense } from 'react';
import { PageLoader } from './PageLoader';

const Markdown = lazy(() => import('./Markdown'));

/** LazyMarkdown renders Markdown, loading the renderer the first time it is needed. */
export function LazyMarkdown({ text }: { text: string }) {
  return (
    <Suspense fallback={<PageLoader label="Loading the text" />}>
      <Markdown text={text} />
    </Suspense>
  );
}

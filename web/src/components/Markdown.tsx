import { Anchor, Typography } from '@mantine/core';
import ReactMarkdown, { type Components } from 'react-markdown';

// Links open in a new tab so that reading them does not leave the terms half accepted, and
// pass nothing of this page on to the site.
const components: Components = {
  a: ({ href, children }) => (
    <Anchor href={href} target="_blank" rel="noopener noreferrer">
      {children}
    </Anchor>
  ),
};

/**
 * Markdown renders Markdown text, such as the terms, safely: raw HTML in the text is dropped
 * (`skipHtml`, and no rehype-raw), and link and image addresses pass react-markdown's default
 * filter, which refuses `javascript:` and every scheme but http(s), mailto, irc(s) and xmpp.
 * Its module is loaded only by the screens that show Markdown (see LazyMarkdown).
 */
export default function Markdown({ text }: { text: string }) {
  return (
    <Typography>
      <ReactMarkdown skipHtml components={components}>
        {text}
      </ReactMarkdown>
    </Typography>
  );
}

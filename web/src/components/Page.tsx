import { Stack, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ReactNode } from 'react';

interface PageProps {
  title: string;
  children: ReactNode;
}

/** Page is the frame of one screen: its heading, also the browser tab's title, then content. */
export function Page({ title, children }: PageProps) {
  useDocumentTitle(`${title} · Licensor`);
  return (
    <Stack gap="lg" maw={960}>
      <Title order={1}>{title}</Title>
      {children}
    </Stack>
  );
}

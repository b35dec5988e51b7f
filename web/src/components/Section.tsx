import { Paper, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** SectionProps name a section of a page: id labels it for assistive technology. */
export interface SectionProps {
  id: string;
  title: string;
  children: ReactNode;
}

/** Section is a bordered part of a page under a second-level heading, a landmark by its title. */
export function Section({ id, title, children }: SectionProps) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Stack gap="md">
        <Title order={2} size="h3" id={id}>
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

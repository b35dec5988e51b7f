import { Paper, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Page } from '../../components/Page';
import { PublishTermsForm } from './PublishTermsForm';
import { TermsHistory } from '../terms/TermsHistory';

/**
 * TermsAdminPage is where the vendor's administrators publish the terms and conditions and see
 * every version with who accepted it.
 */
export function TermsAdminPage() {
  return (
    <Page title="Terms and conditions">
      <Section id="terms-publish" title="Publish a new version">
        <PublishTermsForm />
      </Section>
      <Section id="terms-history" title="Versions">
        <TermsHistory withAcceptances />
      </Section>
    </Page>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
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

import { Text } from '@mantine/core';
import { useMe } from '../../api/me';
import { Page } from '../../components/Page';
import { TermsHistory } from './TermsHistory';

/**
 * TermsPage lets everyone signed in read the terms and conditions again: which version they
 * accepted, and every published version, newest first, with who published it and when.
 */
export function TermsPage() {
  const me = useMe();
  const accepted = me.data?.terms.accepted_version ?? null;
  return (
    <Page title="Terms and conditions">
      {accepted !== null && (
        <Text>You accepted version {accepted}. Open a version to read it.</Text>
      )}
      <TermsHistory />
    </Page>
  );
}

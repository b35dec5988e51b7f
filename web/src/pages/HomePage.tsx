import { Text } from '@mantine/core';
import { Page } from '../components/Page';
import { ServerHealth } from './ServerHealth';

/** HomePage is the first screen; for now it shows whether the server is well. */
export function HomePage() {
  return (
    <Page title="Home">
      <Text>Licensor keeps the licenses, usage and invoices of software sold by the CPU core.</Text>
      <ServerHealth />
    </Page>
  );
}

import { Anchor, Card, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { License } from '../../api/licenses';
import { LicenseStatus } from './LicenseStatus';
import { licensePath } from './paths';
import { coresText, pricesText } from './terms';

/** LicenseItem is one license of a list: its name, status, prepaid cores, prices and key. */
export function LicenseItem({ license }: { license: License }) {
  return (
    <Card component="li" withBorder padding="sm">
      <Stack gap={4}>
        <Group justify="space-between" gap="xs" align="flex-start" wrap="nowrap">
          <Anchor
            component={Link}
            to={licensePath(license.id)}
            fw={600}
            style={{ overflowWrap: 'anywhere' }}
          >
            {license.name}
          </Anchor>
          <LicenseStatus license={license} />
        </Group>
        <Text size="sm">
          {coresText(license.prepaid_cores)} prepaid · {pricesText(license)}
        </Text>
        <Text size="sm" c="dimmed">
          Key ending in{' '}
          <Text span ff="monospace">
            {license.key_last4}
          </Text>
        </Text>
      </Stack>
    </Card>
  );
}

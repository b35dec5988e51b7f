import { Badge, Button, Card, Group, Skeleton, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useHealth } from '../api/health';
import { ErrorState } from '../components/ErrorState';

/** ServerHealth shows the server's answer to GET /healthz, while loading, failed or done. */
export function ServerHealth() {
  const health = useHealth();

  if (health.isPending) {
    return (
      <Card withBorder role="status">
        <VisuallyHidden>Checking the server</VisuallyHidden>
        <Stack gap="xs" aria-hidden>
          <Skeleton height={20} width="40%" />
          <Skeleton height={14} width="70%" />
        </Stack>
      </Card>
    );
  }
  if (health.isError) {
    return (
      <ErrorState
        title="The server's health could not be checked"
        error={health.error}
        onRetry={() => void health.refetch()}
        retrying={health.isFetching}
      />
    );
  }
  const checked = new Date(health.dataUpdatedAt).toLocaleTimeString();
  return (
    <Card withBorder>
      <Stack gap="xs" align="flex-start">
        <Group gap="sm">
          <Text fw={600}>Server</Text>
          <Badge color="green" variant="dot">
            Healthy
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          Checked at {checked}.
        </Text>
        <Button
          size="xs"
          variant="default"
          onClick={() => void health.refetch()}
          loading={health.isFetching}
        >
          Check again
        </Button>
      </Stack>
    </Card>
  );
}

import { Button, Group, Skeleton, Stack, VisuallyHidden } from '@mantine/core';

/** ListLoading stands in for a list on its way. */
export function ListLoading({ label }: { label: string }) {
  return (
    <Stack gap="xs" role="status">
      <VisuallyHidden>{label}</VisuallyHidden>
      <Skeleton height={56} aria-hidden />
      <Skeleton height={56} aria-hidden />
    </Stack>
  );
}

interface MoreProps {
  hasNextPage: boolean;
  loading: boolean;
  onMore: () => void;
}

/** ShowMore loads the next page of a list, when there is one. */
export function ShowMore({ hasNextPage, loading, onMore }: MoreProps) {
  if (!hasNextPage) return null;
  return (
    <Group>
      <Button variant="default" size="xs" onClick={onMore} loading={loading}>
        Show more
      </Button>
    </Group>
  );
}

import { Alert, Button, Code, Stack, Text } from '@mantine/core';
import { isApiError } from '../api/errors';

interface ErrorStateProps {
  /** title says what failed, in the user's terms. */
  title: string;
  error: unknown;
  /** onRetry, when given, offers to try again. */
  onRetry?: () => void;
  retrying?: boolean;
}

/**
 * ErrorState shows a failed load: what failed, the server's explanation when there is one, the
 * request's reference for support, and a way to try again.
 */
export function ErrorState({ title, error, onRetry, retrying = false }: ErrorStateProps) {
  const requestId = isApiError(error) ? error.requestId : undefined;
  return (
    <Alert color="red" variant="light" title={title}>
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{messageOf(error)}</Text>
        {requestId !== undefined && (
          <Text size="xs" c="dimmed">
            Reference: <Code>{requestId}</Code>
          </Text>
        )}
        {onRetry && (
          <Button size="xs" variant="light" color="red" onClick={onRetry} loading={retrying}>
            Try again
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

function messageOf(error: unknown): string {
  if (isApiError(error)) return error.message;
  return 'Something unexpected went wrong.';
}

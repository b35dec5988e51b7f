import { Alert } from '@mantine/core';

/**
 * FormAlert says above a form what went wrong with its last submission, as an alert that
 * screen readers announce. Nothing is shown when there is no message.
 */
export function FormAlert({ message, title }: { message: string | null; title?: string }) {
  if (message === null) return null;
  return (
    <Alert color="red" variant="light" role="alert" title={title}>
      {message}
    </Alert>
  );
}

import { Center, Loader, VisuallyHidden } from '@mantine/core';

/** PageLoader stands in for a screen whose code or data is on its way. */
export function PageLoader({ label = 'Loading' }: { label?: string }) {
  return (
    <Center py="xl" role="status">
      <Loader aria-hidden />
      <VisuallyHidden>{label}</VisuallyHidden>
    </Center>
  );
}

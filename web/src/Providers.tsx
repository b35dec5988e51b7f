import { MantineProvider } from '@mantine/core';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { theme } from './theme';

interface ProvidersProps {
  queryClient: QueryClient;
  children: ReactNode;
}

/**
 * Providers holds what every screen needs: Mantine's theme, following the system's light or
 * dark, and the cache of server state. The application and the unit tests both use it.
 *
 * Mantine would write two <style> elements (theme variables and the hiddenFrom/visibleFrom
 * classes) that the Content-Security-Policy refuses; both are switched off here, the default
 * variables come with @mantine/core/styles.css and the classes with styles/global.css.
 */
export function Providers({ queryClient, children }: ProvidersProps) {
  return (
    <MantineProvider
      theme={theme}
      defaultColorScheme="auto"
      withCssVariables={false}
      withGlobalClasses={false}
    >
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </MantineProvider>
  );
}

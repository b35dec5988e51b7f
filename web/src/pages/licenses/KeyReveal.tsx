import { Alert, Button, Code, CopyButton, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, type ReactNode } from 'react';

interface KeyRevealProps {
  /** licenseKey is the key, as the answer that made it holds it. */
  licenseKey: string;
  /** title heads the card: what just happened. */
  title: string;
  children?: ReactNode;
}

/**
 * KeyReveal shows a license key the one time it can be seen, in the answer that created it,
 * with a button that copies it and a plain warning that it will not be shown again. Its heading
 * takes the focus, so that keyboard and screen-reader users land on it.
 */
export function KeyReveal({ licenseKey, title, children }: KeyRevealProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, [licenseKey]);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="license-key-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="license-key-title" ref={heading} tabIndex={-1}>
          {title}
        </Title>
        <Alert color="yellow" variant="light" title="Copy the key now">
          It will not be shown again: Licensor keeps only a digest of it and its last 4 characters.
          If it is lost, regenerate it, and the lost one stops working.
        </Alert>
        <Text size="sm">The license key:</Text>
        <Code block style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }} data-license-key>
          {licenseKey}
        </Code>
        <CopyButton value={licenseKey} timeout={3000}>
          {({ copied, copy }) => (
            <Stack gap={4} align="flex-start">
              <Button onClick={copy} color={copied ? 'green' : 'blue'}>
                {copied ? 'Key copied' : 'Copy the key'}
              </Button>
              <Text size="sm" role="status">
                {copied ? 'The key is on the clipboard.' : ''}
              </Text>
            </Stack>
          )}
        </CopyButton>
        {children}
      </Stack>
    </Paper>
  );
}

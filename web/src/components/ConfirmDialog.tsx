import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { FormAlert } from './FormAlert';

interface ConfirmDialogProps {
  opened: boolean;
  title: string;
  children: ReactNode;
  /** confirmLabel names the action, as the button that does it. */
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
  /** error is the message of a failed attempt, shown in the dialog. */
  error?: string | null;
  /**
   * returnFocus gives the focus back, on closing, to what opened the dialog (the default).
   * false leaves it where the action put it: on the result it shows, say.
   */
  returnFocus?: boolean;
}

/**
 * ConfirmDialog asks before an action that cannot be undone. Mantine's Modal traps the focus,
 * closes on Escape and gives the focus back to what opened it; its close button, an icon,
 * needs a name of ours.
 *
 * The Modal's own scroll lock is off: it writes a <style> element, which the
 * Content-Security-Policy refuses; styles/global.css locks the page's scroll instead while a
 * dialog is open.
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { opened, title, children, confirmLabel, onConfirm, onCancel, busy = false } = props;
  return (
    <Modal
      opened={opened}
      onClose={onCancel}
      title={title}
      centered
      lockScroll={false}
      returnFocus={props.returnFocus ?? true}
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <Stack gap="md">
        <Text size="sm">{children}</Text>
        <FormAlert message={props.error ?? null} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel} disabled={busy}>
            Cancel
          </Button>
          <Button color="red" onClick={onConfirm} loading={busy}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

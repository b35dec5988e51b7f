import { Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useResendInvitation, useRevokeInvitation } from '../../api/invitations';
import type { Invitation } from '../../api/orgTypes';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DateTime } from '../../components/DateTime';
import { formProblem } from '../../forms/problem';
import { roleLabel } from './labels';
import type { Can } from './permissions';

const stateLabel: Record<Invitation['state'], string> = {
  pending: 'Pending',
  accepted: 'Accepted',
  expired: 'Expired',
  revoked: 'Revoked',
};

const stateColor: Record<Invitation['state'], string> = {
  pending: 'blue',
  accepted: 'green',
  expired: 'gray',
  revoked: 'red',
};

interface InvitationItemProps {
  invitation: Invitation;
  orgId: string;
  can: Can;
  onProblem: (message: string | null) => void;
}

/**
 * InvitationItem is one invitation: address, role, state, who sent it and when; resend (a
 * pending or expired one) and revoke (a pending one) for those who may.
 */
export function InvitationItem({ invitation: inv, orgId, can, onProblem }: InvitationItemProps) {
  const resend = useResendInvitation(orgId);
  const revoke = useRevokeInvitation(orgId);
  const [asking, setAsking] = useState(false);
  const open = inv.state === 'pending' || inv.state === 'expired';
  const mayResend = open && (inv.role === 'admin' ? can.manageMembers : can.invite);
  const mayRevoke = inv.state === 'pending' && can.manageMembers;
  const close = () => {
    setAsking(false);
    revoke.reset();
  };
  return (
    <Card component="li" withBorder padding="sm">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {inv.email}
          </Text>
          <Text size="sm">
            {roleLabel[inv.role]}, invited by {inv.invited_by.name} on{' '}
            <DateTime value={inv.created_at} />
          </Text>
          <Text size="sm" c="dimmed">
            {inv.state === 'pending' && (
              <>
                Expires <DateTime value={inv.expires_at} />
              </>
            )}
            {inv.state === 'expired' && (
              <>
                Expired <DateTime value={inv.expires_at} />
              </>
            )}
            {inv.ended_at !== null && (
              <>
                {stateLabel[inv.state]} <DateTime value={inv.ended_at} />
              </>
            )}
            {inv.sends > 1 && ` · sent ${String(inv.sends)} times`}
          </Text>
        </Stack>
        <Stack gap="xs" align="flex-end">
          <Badge variant="light" color={stateColor[inv.state]}>
            {stateLabel[inv.state]}
          </Badge>
          <Group gap="xs">
            {mayResend && (
              <Button
                variant="default"
                size="xs"
                loading={resend.isPending}
                aria-label={`Resend the invitation to ${inv.email}`}
                onClick={() => {
                  onProblem(null);
                  resend.mutate(inv.id, {
                    onError: (error) => {
                      onProblem(formProblem(error).message);
                    },
                  });
                }}
              >
                Resend
              </Button>
            )}
            {mayRevoke && (
              <Button
                variant="light"
                color="red"
                size="xs"
                aria-label={`Revoke the invitation to ${inv.email}`}
                onClick={() => {
                  setAsking(true);
                }}
              >
                Revoke
              </Button>
            )}
          </Group>
          {resend.isSuccess && (
            <Text size="xs" role="status">
              A new link was mailed.
            </Text>
          )}
        </Stack>
      </Group>
      <ConfirmDialog
        opened={asking}
        title="Revoke the invitation?"
        confirmLabel="Revoke"
        busy={revoke.isPending}
        error={revoke.isError ? formProblem(revoke.error).message : null}
        onCancel={close}
        onConfirm={() => {
          revoke.mutate(inv.id, { onSuccess: close });
        }}
      >
        {`The link mailed to ${inv.email} will stop working.`}
      </ConfirmDialog>
    </Card>
  );
}

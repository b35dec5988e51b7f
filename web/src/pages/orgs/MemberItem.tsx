import { Badge, Button, Card, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useChangeRole, useRemoveMember } from '../../api/members';
import type { Member, Role } from '../../api/orgTypes';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DateTime } from '../../components/DateTime';
import { formProblem } from '../../forms/problem';
import { roleLabel } from './labels';

interface MemberItemProps {
  member: Member;
  orgId: string;
  canManage: boolean;
  isSelf: boolean;
  /** onProblem reports a refused role change (null: the last change went through). */
  onProblem: (message: string | null) => void;
}

const roles = [
  { value: 'member', label: 'Member' },
  { value: 'admin', label: 'Admin' },
];

/** MemberItem is one member: name, address, role, since when; role and removal for admins. */
export function MemberItem({ member, orgId, canManage, isSelf, onProblem }: MemberItemProps) {
  const change = useChangeRole(orgId);
  const remove = useRemoveMember(orgId);
  const [asking, setAsking] = useState(false);
  const who = isSelf ? `${member.name} (you)` : member.name;
  const close = () => {
    setAsking(false);
    remove.reset();
  };
  const setRole = (role: Role) => {
    onProblem(null);
    change.mutate(
      { user: member.user_id, role },
      {
        onError: (error) => {
          onProblem(formProblem(error).message);
        },
      },
    );
  };
  return (
    <Card component="li" withBorder padding="sm">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {who}
          </Text>
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {member.email}
          </Text>
          <Text size="sm" c="dimmed">
            Member since <DateTime value={member.joined_at} />
          </Text>
        </Stack>
        {!canManage && <Badge variant="light">{roleLabel[member.role]}</Badge>}
        {canManage && (
          <Group gap="xs" align="flex-end">
            <NativeSelect
              label="Role"
              aria-label={`Role of ${member.name}`}
              data={roles}
              value={member.role}
              disabled={change.isPending}
              onChange={(e) => {
                setRole(e.currentTarget.value as Role);
              }}
              size="xs"
            />
            <Button
              variant="light"
              color="red"
              size="xs"
              aria-label={`Remove ${member.name}`}
              onClick={() => {
                setAsking(true);
              }}
            >
              Remove
            </Button>
          </Group>
        )}
      </Group>
      <ConfirmDialog
        opened={asking}
        title={`Remove ${member.name}?`}
        confirmLabel="Remove"
        busy={remove.isPending}
        error={remove.isError ? formProblem(remove.error).message : null}
        onCancel={close}
        onConfirm={() => {
          remove.mutate(member.user_id, { onSuccess: close });
        }}
      >
        {isSelf
          ? 'You will lose access to this organisation, unless you reach it otherwise.'
          : `${member.name} will lose access to this organisation at their next request, and is told by mail.`}
      </ConfirmDialog>
    </Card>
  );
}

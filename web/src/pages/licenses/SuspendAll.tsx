import { Alert, Button, Group, Stack } from '@mantine/core';
import { useState } from 'react';
import { useSuspendOrgLicenses } from '../../api/licenses';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { formProblem } from '../../forms/problem';

interface SuspendAllProps {
  orgId: string;
  orgName: string;
  /** suspended says whether the organisation's licenses are suspended all together now. */
  suspended: boolean;
}

/**
 * SuspendAll suspends every license of an organisation at once (a client that does not pay),
 * or ends that suspension, after a confirmation. Licenses suspended on their own stay so.
 */
export function SuspendAll({ orgId, orgName, suspended }: SuspendAllProps) {
  const change = useSuspendOrgLicenses(orgId);
  const [asking, setAsking] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const close = () => {
    setAsking(false);
    change.reset();
  };
  const confirm = () => {
    change.mutate(!suspended, {
      onSuccess: (answer) => {
        setAsking(false);
        const n = answer.changed;
        const what = n === 1 ? '1 license' : `${String(n)} licenses`;
        setDone(answer.suspended ? `${what} suspended.` : `${what} reinstated.`);
      },
    });
  };
  return (
    <Stack gap="xs">
      <Group>
        <Button
          variant="light"
          color={suspended ? 'blue' : 'red'}
          onClick={() => {
            setDone(null);
            setAsking(true);
          }}
        >
          {suspended ? 'Reinstate all licenses' : 'Suspend all licenses'}
        </Button>
      </Group>
      {done !== null && (
        <Alert color="green" variant="light" role="status">
          {done}
        </Alert>
      )}
      <ConfirmDialog
        opened={asking}
        title={
          suspended
            ? `Reinstate the licenses of ${orgName}?`
            : `Suspend every license of ${orgName}?`
        }
        confirmLabel={suspended ? 'Reinstate them' : 'Suspend them'}
        busy={change.isPending}
        error={change.isError ? formProblem(change.error).message : null}
        onCancel={close}
        onConfirm={confirm}
      >
        {suspended
          ? 'Their software will validate again from its next check, except licenses suspended on their own, which stay suspended.'
          : 'Their software will be told SUSPENDED from its next check, and licenses created until you reinstate them start suspended too.'}
      </ConfirmDialog>
    </Stack>
  );
}

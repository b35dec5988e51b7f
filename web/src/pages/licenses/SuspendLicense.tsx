import { Button } from '@mantine/core';
import { useState } from 'react';
import { useUpdateLicense, type License } from '../../api/licenses';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { formProblem } from '../../forms/problem';

/** SuspendLicense suspends one license, or reinstates it, after a confirmation. */
export function SuspendLicense({ license }: { license: License }) {
  const update = useUpdateLicense(license.id);
  const [asking, setAsking] = useState(false);
  const suspended = license.status === 'suspended';
  const close = () => {
    setAsking(false);
    update.reset();
  };
  const confirm = () => {
    update.mutate(
      { status: suspended ? 'active' : 'suspended' },
      {
        onSuccess: () => {
          setAsking(false);
        },
      },
    );
  };
  return (
    <>
      <Button
        variant="light"
        color={suspended ? 'blue' : 'red'}
        onClick={() => {
          setAsking(true);
        }}
      >
        {suspended ? 'Reinstate' : 'Suspend'}
      </Button>
      <ConfirmDialog
        opened={asking}
        title={suspended ? `Reinstate ${license.name}?` : `Suspend ${license.name}?`}
        confirmLabel={suspended ? 'Reinstate' : 'Suspend'}
        busy={update.isPending}
        error={update.isError ? formProblem(update.error).message : null}
        onCancel={close}
        onConfirm={confirm}
      >
        {suspended
          ? license.org_suspended
            ? 'The license will stay suspended with the other licenses of its organisation until they are reinstated.'
            : 'Its software will validate again from its next check.'
          : 'Its software will be told SUSPENDED from its next check, until you reinstate it.'}
      </ConfirmDialog>
    </>
  );
}

import { Button } from '@mantine/core';
import { useState } from 'react';
import { useRegenerateKey, type License, type LicenseWithKey } from '../../api/licenses';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { formProblem } from '../../forms/problem';

interface RegenerateKeyProps {
  license: License;
  /** onKey receives the license with its new key, to show once. */
  onKey: (license: LicenseWithKey) => void;
}

/** RegenerateKey replaces a license's key after a confirmation that says what stops working. */
export function RegenerateKey({ license, onKey }: RegenerateKeyProps) {
  const regenerate = useRegenerateKey(license.id);
  const [asking, setAsking] = useState(false);
  const close = () => {
    setAsking(false);
    regenerate.reset();
  };
  const confirm = () => {
    regenerate.mutate(undefined, {
      onSuccess: (answer) => {
        setAsking(false);
        onKey(answer);
      },
    });
  };
  return (
    <>
      <Button
        variant="default"
        onClick={() => {
          setAsking(true);
        }}
      >
        Regenerate the key
      </Button>
      <ConfirmDialog
        opened={asking}
        title="Regenerate the key?"
        confirmLabel="Regenerate the key"
        busy={regenerate.isPending}
        error={regenerate.isError ? formProblem(regenerate.error).message : null}
        onCancel={close}
        onConfirm={confirm}
        returnFocus={false}
      >
        {`The key ending in ${license.key_last4} stops working at once: the software that uses it must be given the new key, which is shown once. The organisation's admins are told by mail.`}
      </ConfirmDialog>
    </>
  );
}

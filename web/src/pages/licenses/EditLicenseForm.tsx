import { Button, Group, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useUpdateLicense, type License } from '../../api/licenses';
import { FormAlert } from '../../components/FormAlert';
import { focusFirstError } from '../../forms/focus';
import { formProblem } from '../../forms/problem';
import { focusProblem } from './CreateLicenseForm';
import { LicenseFields } from './LicenseFields';
import { checkLicense, licenseFields, licenseValues, updateBody } from './licenseForm';

interface EditLicenseFormProps {
  license: License;
  /** onDone is called after saving or cancelling. */
  onDone: () => void;
}

/** EditLicenseForm changes a license's terms, sending only the fields that changed. */
export function EditLicenseForm({ license, onDone }: EditLicenseFormProps) {
  const update = useUpdateLicense(license.id);
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: licenseValues(license),
    validate: checkLicense,
  });
  const submit = form.onSubmit((values) => {
    setMessage(null);
    const body = updateBody(license, values);
    if (Object.keys(body).length === 0) {
      onDone();
      return;
    }
    update.mutate(body, {
      onSuccess: onDone,
      onError: (error) => {
        const problem = formProblem(error, { fields: licenseFields });
        form.setErrors(problem.fields);
        setMessage(problem.message);
        focusProblem(problem.fields, 'edit-license');
      },
    });
  }, focusFirstError);
  return (
    <form onSubmit={submit} noValidate aria-label="Edit the license" id="edit-license">
      <Stack gap="sm" maw={560}>
        <FormAlert message={message} title="The changes were not saved" />
        <LicenseFields form={form} />
        <Group>
          <Button type="submit" loading={update.isPending}>
            Save the changes
          </Button>
          <Button variant="default" onClick={onDone} disabled={update.isPending}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

import { Button, Group, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useCreateLicense, type LicenseWithKey } from '../../api/licenses';
import { FormAlert } from '../../components/FormAlert';
import { focusFirstError } from '../../forms/focus';
import { formProblem } from '../../forms/problem';
import { LicenseFields } from './LicenseFields';
import { checkLicense, createBody, emptyLicense, licenseFields } from './licenseForm';

interface CreateLicenseFormProps {
  orgId: string;
  /** onCreated receives the new license with its key, which the form does not keep. */
  onCreated: (license: LicenseWithKey) => void;
}

/** CreateLicenseForm asks for a new license's terms and creates it. */
export function CreateLicenseForm({ orgId, onCreated }: CreateLicenseFormProps) {
  const create = useCreateLicense(orgId);
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: emptyLicense(),
    validate: checkLicense,
  });
  const submit = form.onSubmit((values) => {
    setMessage(null);
    create.mutate(createBody(values), {
      onSuccess: onCreated,
      onError: (error) => {
        const problem = formProblem(error, { fields: licenseFields });
        form.setErrors(problem.fields);
        setMessage(problem.message);
        focusProblem(problem.fields);
      },
    });
  }, focusFirstError);
  return (
    <form onSubmit={submit} noValidate aria-label="New license" id="new-license">
      <Stack gap="sm" maw={560}>
        <FormAlert message={message} title="The license was not created" />
        <LicenseFields form={form} />
        <Group>
          <Button type="submit" loading={create.isPending}>
            Create the license
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** focusProblem moves the focus to the first field the server found at fault. */
export function focusProblem(fields: Record<string, string>, formId = 'new-license') {
  const first = Object.keys(fields)[0];
  if (first === undefined) return;
  document.querySelector<HTMLElement>(`#${formId} [name="${CSS.escape(first)}"]`)?.focus();
}

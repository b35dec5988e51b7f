import { Button, Group, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import type { Org } from '../../api/orgTypes';
import { useDistributors, useUpdateOrg } from '../../api/orgs';
import { FormAlert } from '../../components/FormAlert';
import { focusFirstError } from '../../forms/focus';
import { formProblem } from '../../forms/problem';
import { DistributorSelect } from './DistributorSelect';
import {
  checkContact,
  contactBody,
  contactFields,
  OrgFields,
  type ContactValues,
} from './OrgFields';

interface EditValues extends ContactValues {
  distributorId: string;
}

interface OrgEditFormProps {
  org: Org;
  /** canMove offers to change a client's distributor (the vendor's staff). */
  canMove: boolean;
  onDone: () => void;
}

/** OrgEditForm changes an organisation's details; the distributor only when it changed. */
export function OrgEditForm({ org, canMove, onDone }: OrgEditFormProps) {
  const update = useUpdateOrg(org.id);
  const distributors = useDistributors(canMove);
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm<EditValues>({
    mode: 'controlled',
    initialValues: {
      name: org.name,
      billingEmail: org.billing_email,
      address: org.address,
      vatId: org.vat_id,
      distributorId: org.distributor?.id ?? '',
    },
    validate: checkContact,
  });

  const submit = form.onSubmit((values) => {
    setMessage(null);
    const moved = canMove && values.distributorId !== (org.distributor?.id ?? '');
    const body = { ...contactBody(values), ...(moved && { distributor_id: values.distributorId }) };
    update.mutate(body, {
      onSuccess: onDone,
      onError: (error) => {
        const problem = formProblem(error, { fields: contactFields });
        form.setErrors(problem.fields);
        setMessage(problem.message);
      },
    });
  }, focusFirstError);

  const known = distributors.data?.items ?? [];
  const current = org.distributor;
  const choices =
    current !== null && !known.some((d) => d.id === current.id) ? [current, ...known] : known;
  return (
    <form onSubmit={submit} noValidate aria-label="Edit the organisation">
      <Stack gap="md" maw={520}>
        <FormAlert message={message} />
        {canMove && (
          <DistributorSelect
            distributors={choices}
            optional
            value={form.values.distributorId}
            onChange={(v) => {
              form.setFieldValue('distributorId', v);
            }}
            error={form.errors.distributorId as string | undefined}
            disabled={distributors.isPending}
          />
        )}
        <OrgFields form={form} />
        <Group gap="sm">
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

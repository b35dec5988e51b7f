import { Button, Group, Radio, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMe } from '../../api/me';
import { useCreateOrg, useDistributors } from '../../api/orgs';
import { ErrorState } from '../../components/ErrorState';
import { FormAlert } from '../../components/FormAlert';
import { Page } from '../../components/Page';
import { PageLoader } from '../../components/PageLoader';
import { focusFirstError } from '../../forms/focus';
import { formProblem } from '../../forms/problem';
import { DistributorSelect } from './DistributorSelect';
import { kindLabel, orgPath } from './labels';
import {
  checkContact,
  contactBody,
  contactFields,
  OrgFields,
  type ContactValues,
} from './OrgFields';
import { creatableKinds, vendorRole } from './permissions';

interface CreateValues extends ContactValues {
  kind: 'distributor' | 'client';
  distributorId: string;
}

const messages = {
  not_found: 'That distributor is not one you can create clients for.',
  forbidden: 'Your role does not allow creating this organisation.',
};

/**
 * OrgCreatePage creates an organisation: the vendor's admins create distributors and clients,
 * the vendor's members clients, a distributor's staff clients that their distributor manages.
 */
export function OrgCreatePage() {
  const me = useMe();
  const memberships = me.data?.memberships ?? [];
  const kinds = creatableKinds(memberships);
  const distributors = useDistributors(kinds.includes('client'));
  if (kinds.length === 0) {
    return (
      <Page title="New organisation">
        <Text>Your role does not allow creating organisations.</Text>
      </Page>
    );
  }
  if (distributors.isPending) return <PageLoader label="Loading the distributors" />;
  if (distributors.isError) {
    return (
      <Page title="New organisation">
        <ErrorState
          title="The distributors could not be loaded"
          error={distributors.error}
          onRetry={() => void distributors.refetch()}
          retrying={distributors.isFetching}
        />
      </Page>
    );
  }
  const isVendor = vendorRole(memberships) !== null;
  return (
    <Page title="New organisation">
      <CreateForm kinds={kinds} distributors={distributors.data.items} isVendor={isVendor} />
    </Page>
  );
}

interface CreateFormProps {
  kinds: ('distributor' | 'client')[];
  distributors: { id: string; name: string }[];
  isVendor: boolean;
}

function CreateForm({ kinds, distributors, isVendor }: CreateFormProps) {
  const create = useCreateOrg();
  const navigate = useNavigate();
  const [message, setMessage] = useState<string | null>(null);
  const only = distributors.length === 1 && !isVendor ? (distributors[0]?.id ?? '') : '';
  const form = useForm<CreateValues>({
    mode: 'controlled',
    initialValues: {
      kind: kinds.includes('client') ? 'client' : 'distributor',
      distributorId: only,
      name: '',
      billingEmail: '',
      address: '',
      vatId: '',
    },
    validate: {
      ...checkContact,
      distributorId: (v, values) =>
        values.kind === 'client' && !isVendor && v === '' ? 'Choose the distributor' : null,
    },
  });

  const submit = form.onSubmit((values) => {
    setMessage(null);
    const body = {
      ...contactBody(values),
      kind: values.kind,
      ...(values.kind === 'client' &&
        values.distributorId !== '' && {
          distributor_id: values.distributorId,
        }),
    };
    create.mutate(body, {
      onSuccess: (org) => void navigate(orgPath(org.id)),
      onError: (error) => {
        const problem = formProblem(error, { fields: contactFields, messages });
        form.setErrors(problem.fields);
        setMessage(problem.message);
      },
    });
  }, focusFirstError);

  const client = form.values.kind === 'client';
  return (
    <form onSubmit={submit} noValidate aria-label="New organisation">
      <Stack gap="md" maw={520}>
        <FormAlert message={message} />
        {kinds.length > 1 && (
          <Radio.Group label="Kind" required {...form.getInputProps('kind')} name="kind">
            <Group gap="lg" mt={4}>
              {kinds.map((k) => (
                <Radio key={k} value={k} label={kindLabel[k]} />
              ))}
            </Group>
          </Radio.Group>
        )}
        {kinds.length === 1 && <Text size="sm">Kind: {kindLabel[kinds[0] ?? 'client']}</Text>}
        {client && (
          <DistributorSelect
            distributors={distributors}
            optional={isVendor}
            value={form.values.distributorId}
            onChange={(v) => {
              form.setFieldValue('distributorId', v);
            }}
            error={form.errors.distributorId as string | undefined}
          />
        )}
        <OrgFields form={form} />
        <Group gap="sm">
          <Button type="submit" loading={create.isPending}>
            Create the organisation
          </Button>
          <Button component={Link} to="/orgs" variant="default">
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

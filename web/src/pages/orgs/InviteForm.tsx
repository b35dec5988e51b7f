import { Alert, Button, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useInvite } from '../../api/invitations';
import type { InviteResult, Role } from '../../api/orgTypes';
import { FormAlert } from '../../components/FormAlert';
import { focusFirstError } from '../../forms/focus';
import { formProblem } from '../../forms/problem';

const messages = {
  conflict: 'This address is a member already, or has an invitation waiting.',
  forbidden: 'Your role does not allow this invitation.',
};

/** InviteForm invites someone by address, with role admin for those who may give it. */
export function InviteForm({ orgId, canInviteAdmin }: { orgId: string; canInviteAdmin: boolean }) {
  const invite = useInvite(orgId);
  const [message, setMessage] = useState<string | null>(null);
  const [done, setDone] = useState<{ email: string; result: InviteResult } | null>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { email: '', role: 'member' as Role },
    validate: {
      email: (v) => (/^[^\s@]+@[^\s@]+$/.test(v.trim()) ? null : 'Enter an email address'),
    },
  });
  const submit = form.onSubmit((values) => {
    setMessage(null);
    setDone(null);
    const email = values.email.trim();
    invite.mutate(
      { email, role: values.role },
      {
        onSuccess: (result) => {
          setDone({ email, result });
          form.reset();
        },
        onError: (error) => {
          const problem = formProblem(error, {
            fields: { email: 'email', role: 'role' },
            messages,
          });
          form.setErrors(problem.fields);
          setMessage(problem.message);
        },
      },
    );
  }, focusFirstError);
  return (
    <form onSubmit={submit} noValidate aria-label="Invite someone">
      <Stack gap="sm" maw={520}>
        <FormAlert message={message} />
        {done !== null && (
          <Alert color="green" variant="light" role="status">
            {done.result.status === 'added'
              ? `${done.email} has an account and is now a member; they were told by mail.`
              : `An invitation was mailed to ${done.email}.`}
          </Alert>
        )}
        <Group align="flex-start" gap="sm" wrap="wrap">
          <TextInput
            label="Email address"
            type="email"
            required
            autoComplete="off"
            {...form.getInputProps('email')}
            name="email"
            style={{ flex: '1 1 16rem' }}
          />
          <NativeSelect
            label="Role"
            data={[
              { value: 'member', label: 'Member' },
              ...(canInviteAdmin ? [{ value: 'admin', label: 'Admin' }] : []),
            ]}
            {...form.getInputProps('role')}
            name="role"
          />
        </Group>
        <Group>
          <Button type="submit" loading={invite.isPending}>
            Send the invitation
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

import { Alert, Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useChangeEmail } from '../../api/account';
import { FormAlert } from '../../components/FormAlert';
import { focusFirstError, showRefusal } from '../../forms/focus';
import { formProblem } from '../../forms/problem';

const fields = { new_email: 'newEmail', current_password: 'currentPassword' };
const messages = { invalid_credentials: 'The current password is not right.' };

/**
 * EmailForm asks to change the address. Nothing changes until the link mailed to the new
 * address is opened; the current address gets a notice.
 */
export function EmailForm({ email }: { email: string }) {
  const change = useChangeEmail();
  const [message, setMessage] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { newEmail: '', currentPassword: '' },
    validate: {
      newEmail: (v) => (v.trim() === '' ? 'Enter the new address' : null),
      currentPassword: (v) => (v === '' ? 'Enter your current password' : null),
    },
  });

  const submit = form.onSubmit(({ newEmail, currentPassword }, event) => {
    // Read now: React forgets the event's target once the submission is handled.
    const element = event?.currentTarget ?? null;
    setMessage(null);
    setSentTo(null);
    change.mutate(
      { newEmail: newEmail.trim(), currentPassword },
      {
        onSuccess: () => {
          setSentTo(newEmail.trim());
          form.reset();
        },
        onError: (error) => {
          const problem = formProblem(error, { fields, messages });
          showRefusal(element, problem, form, setMessage);
        },
      },
    );
  }, focusFirstError);
  return (
    <form onSubmit={submit} noValidate aria-label="Change the email address">
      <Stack gap="sm" maw={420}>
        <Text size="sm">
          Your address is <strong>{email}</strong>.
        </Text>
        <FormAlert message={message} />
        {sentTo !== null && (
          <Alert color="blue" variant="light" role="status" title="Check your mail">
            We sent a confirmation link to {sentTo}. Your address changes when you open it, within
            one hour. A notice went to {email} as well.
          </Alert>
        )}
        <TextInput
          label="New email address"
          type="email"
          autoComplete="email"
          required
          {...form.getInputProps('newEmail')}
          name="newEmail"
        />
        <PasswordInput
          label="Current password"
          autoComplete="current-password"
          required
          {...form.getInputProps('currentPassword')}
          name="currentPassword"
        />
        <Group>
          <Button type="submit" loading={change.isPending}>
            Change the address
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

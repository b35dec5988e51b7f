import { Alert, Button, Group, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useChangePassword } from '../../api/account';
import { FormAlert } from '../../components/FormAlert';
import { focusFirstError, showRefusal } from '../../forms/focus';
import { checkNewPassword, checkRepeat, passwordRules } from '../../forms/password';
import { formProblem } from '../../forms/problem';

const fields = { current_password: 'currentPassword', new_password: 'newPassword' };
const messages = { invalid_credentials: 'The current password is not right.' };

/** PasswordForm changes the password; the server then ends every other session. */
export function PasswordForm() {
  const change = useChangePassword();
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { currentPassword: '', newPassword: '', repeat: '' },
    validate: {
      currentPassword: (v) => (v === '' ? 'Enter your current password' : null),
      newPassword: checkNewPassword,
      repeat: (v, values) => checkRepeat(v, values.newPassword),
    },
  });

  const submit = form.onSubmit(({ currentPassword, newPassword }, event) => {
    // Read now: React forgets the event's target once the submission is handled.
    const element = event?.currentTarget ?? null;
    setMessage(null);
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
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
    <form onSubmit={submit} noValidate aria-label="Change the password">
      <Stack gap="sm" maw={420}>
        <FormAlert message={message} />
        {change.isSuccess && (
          <Alert color="green" variant="light" role="status" title="Password changed">
            Your password is changed. Every other browser that was signed in to your account has
            been signed out, and a notice was mailed to you.
          </Alert>
        )}
        <PasswordInput
          label="Current password"
          autoComplete="current-password"
          required
          {...form.getInputProps('currentPassword')}
          name="currentPassword"
        />
        <PasswordInput
          label="New password"
          description={passwordRules}
          autoComplete="new-password"
          required
          {...form.getInputProps('newPassword')}
          name="newPassword"
        />
        <PasswordInput
          label="New password again"
          autoComplete="new-password"
          required
          {...form.getInputProps('repeat')}
          name="repeat"
        />
        <Group>
          <Button type="submit" loading={change.isPending}>
            Change the password
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

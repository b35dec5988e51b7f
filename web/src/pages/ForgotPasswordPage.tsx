import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { Link } from 'react-router';
import { useRequestPasswordReset } from '../api/account';
import { FormAlert } from '../components/FormAlert';
import { Page } from '../components/Page';
import { focusFirstError } from '../forms/focus';
import { formProblem } from '../forms/problem';

/**
 * ForgotPasswordPage asks for a reset link. It says the same after every submission, whether
 * or not an account has the address, as the server answers the same.
 */
export function ForgotPasswordPage() {
  const request = useRequestPasswordReset();
  const [message, setMessage] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { email: '' },
    validate: { email: (v) => (v.trim() === '' ? 'Enter your email address' : null) },
  });

  const submit = form.onSubmit(({ email }) => {
    setMessage(null);
    request.mutate(email.trim(), {
      onSuccess: () => {
        setSentTo(email.trim());
      },
      onError: (error) => {
        const problem = formProblem(error, { fields: { email: 'email' } });
        form.setErrors(problem.fields);
        setMessage(problem.message);
      },
    });
  }, focusFirstError);

  if (sentTo !== null) {
    return (
      <Page title="Check your mail">
        <Alert color="blue" variant="light" role="status" title="A link is on its way">
          If an account uses {sentTo}, we have sent it a link to choose a new password. The link
          works for one hour. If no mail arrives within a few minutes, check the spam folder or ask
          again.
        </Alert>
        <Anchor component={Link} to="/login">
          Back to sign-in
        </Anchor>
      </Page>
    );
  }
  return (
    <Page title="Forgot your password?">
      <Text>Give the address of your account and we will mail you a link to choose a new one.</Text>
      <form onSubmit={submit} noValidate aria-label="Ask for a reset link">
        <Stack gap="md" maw={420}>
          <FormAlert message={message} />
          <TextInput
            label="Email address"
            type="email"
            autoComplete="email"
            required
            {...form.getInputProps('email')}
            name="email"
          />
          <Button type="submit" loading={request.isPending}>
            Mail me a link
          </Button>
          <Anchor component={Link} to="/login" size="sm">
            Back to sign-in
          </Anchor>
        </Stack>
      </form>
    </Page>
  );
}

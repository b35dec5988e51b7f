import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useCompleteSetup } from '../api/setup';
import { destinationOf } from '../auth/returnTo';
import { FormAlert } from '../components/FormAlert';
import { focusFirstError } from '../forms/focus';
import { checkNewPassword, passwordRules } from '../forms/password';
import { formProblem } from '../forms/problem';

const fields = { email: 'email', name: 'name', password: 'password' };
const messages = {
  conflict: 'An account already has this address. Sign in with it, or use another address.',
  invalid_token: 'This setup link does not work any more. Ask an administrator for a new one.',
};

/**
 * SetupForm completes a setup link: address, name and password for the first administrator
 * (`first`), the password alone for an account that exists.
 */
export function SetupForm({ token, first }: { token: string; first: boolean }) {
  const setup = useCompleteSetup();
  const navigate = useNavigate();
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { email: '', name: '', password: '' },
    validate: {
      email: (v) => (first && v.trim() === '' ? 'Enter your email address' : null),
      name: (v) => (first && v.trim() === '' ? 'Enter your name' : null),
      password: checkNewPassword,
    },
  });

  const submit = form.onSubmit(({ email, name, password }) => {
    setMessage(null);
    const body = first
      ? { token, password, email: email.trim(), name: name.trim() }
      : { token, password };
    setup.mutate(body, {
      onSuccess: (redirectTo) => {
        const to = destinationOf(redirectTo, window.location.origin);
        void navigate(to.kind === 'route' ? to.path : '/', { replace: true });
      },
      onError: (error) => {
        const problem = formProblem(error, { fields, messages });
        form.setErrors(problem.fields);
        setMessage(problem.message);
      },
    });
  }, focusFirstError);
  return (
    <form onSubmit={submit} noValidate aria-label="Set up the account">
      <Stack gap="md" maw={420}>
        <FormAlert message={message} />
        {first && (
          <>
            <TextInput
              label="Email address"
              type="email"
              autoComplete="username"
              required
              {...form.getInputProps('email')}
              name="email"
            />
            <TextInput
              label="Name"
              autoComplete="name"
              required
              {...form.getInputProps('name')}
              name="name"
            />
          </>
        )}
        <PasswordInput
          label="Password"
          description={passwordRules}
          autoComplete="new-password"
          required
          {...form.getInputProps('password')}
          name="password"
        />
        <Button type="submit" loading={setup.isPending}>
          {first ? 'Create the account and sign in' : 'Set the password and sign in'}
        </Button>
      </Stack>
    </form>
  );
}

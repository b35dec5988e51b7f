import { Alert, Button, Group, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useUpdateName } from '../../api/account';
import { FormAlert } from '../../components/FormAlert';
import { focusFirstError, showRefusal } from '../../forms/focus';
import { formProblem } from '../../forms/problem';

/** NameForm changes the user's name. */
export function NameForm({ name }: { name: string }) {
  const update = useUpdateName();
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { name },
    validate: { name: (v) => (v.trim() === '' ? 'Enter your name' : null) },
  });

  const submit = form.onSubmit((values, event) => {
    // Read now: React forgets the event's target once the submission is handled.
    const element = event?.currentTarget ?? null;
    setMessage(null);
    update.mutate(values.name.trim(), {
      onSuccess: (user) => {
        form.setInitialValues({ name: user.name });
        form.setValues({ name: user.name });
      },
      onError: (error) => {
        const problem = formProblem(error, { fields: { name: 'name' } });
        showRefusal(element, problem, form, setMessage);
      },
    });
  }, focusFirstError);
  return (
    <form onSubmit={submit} noValidate aria-label="Name">
      <Stack gap="sm" maw={420}>
        <FormAlert message={message} />
        {update.isSuccess && !form.isDirty() && (
          <Alert color="green" variant="light" role="status">
            Your name is saved.
          </Alert>
        )}
        <TextInput
          label="Name"
          autoComplete="name"
          required
          {...form.getInputProps('name')}
          name="name"
        />
        <Group>
          <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
            Save the name
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

import { Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';

/** ContactValues are the fields that every organisation has besides its kind. */
export interface ContactValues {
  name: string;
  billingEmail: string;
  address: string;
  vatId: string;
}

/** contactFields maps the API's field names to the form's, for formProblem. */
export const contactFields = {
  name: 'name',
  billing_email: 'billingEmail',
  address: 'address',
  vat_id: 'vatId',
  distributor_id: 'distributorId',
  kind: 'kind',
};

/** checkContact is the form's own check before sending: a name. The server checks the rest. */
export const checkContact = {
  name: (v: string) => (v.trim() === '' ? 'Enter the name of the organisation' : null),
  billingEmail: (v: string) =>
    v.trim() !== '' && !/^[^\s@]+@[^\s@]+$/.test(v.trim()) ? 'Enter an email address' : null,
};

/** contactBody is the API's spelling of the contact fields, trimmed. */
export function contactBody(v: ContactValues) {
  return {
    name: v.name.trim(),
    billing_email: v.billingEmail.trim(),
    address: v.address.trim(),
    vat_id: v.vatId.trim(),
  };
}

/** OrgFields are the inputs of the contact fields, shared by the create and edit forms. */
export function OrgFields<T extends ContactValues>({ form }: { form: UseFormReturnType<T> }) {
  return (
    <>
      <TextInput
        label="Name"
        required
        maxLength={200}
        {...form.getInputProps('name')}
        name="name"
      />
      <TextInput
        label="Billing email"
        description="Where invoice mails go, besides the admins."
        type="email"
        autoComplete="email"
        {...form.getInputProps('billingEmail')}
        name="billingEmail"
      />
      <Textarea
        label="Postal address"
        autoComplete="street-address"
        autosize
        minRows={3}
        maxLength={1000}
        {...form.getInputProps('address')}
        name="address"
      />
      <TextInput label="VAT number" maxLength={32} {...form.getInputProps('vatId')} name="vatId" />
    </>
  );
}

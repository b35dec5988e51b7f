import { Select, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { currencyOptions } from './currencies';
import type { LicenseValues } from './licenseForm';
import { minorDigits } from './money';
import classes from './LicenseFields.module.css';

/** LicenseFields are the inputs of a license's terms, shared by the create and edit forms. */
export function LicenseFields({ form }: { form: UseFormReturnType<LicenseValues> }) {
  const currency = form.getValues().currency ?? 'EUR';
  const example = minorDigits(currency) === 0 ? '1200' : '12.50';
  const price = (name: 'corePrice' | 'extraCorePrice', label: string, description: string) => (
    <TextInput
      label={label}
      description={`${description} In ${currency}, such as ${example}.`}
      inputMode="decimal"
      autoComplete="off"
      required
      {...form.getInputProps(name)}
      name={name}
    />
  );
  return (
    <>
      <TextInput
        label="Name"
        description="Tells the client's licenses apart, such as the product or the site."
        required
        maxLength={200}
        autoComplete="off"
        {...form.getInputProps('name')}
        name="name"
      />
      <TextInput
        label="Prepaid cores"
        description="The cores paid for each month; more in an hour counts as extra cores."
        inputMode="numeric"
        autoComplete="off"
        required
        {...form.getInputProps('prepaidCores')}
        name="prepaidCores"
      />
      <Select
        label="Currency"
        description="Of both prices."
        data={currencyOptions}
        searchable
        required
        allowDeselect={false}
        nothingFoundMessage="No such currency"
        {...form.getInputProps('currency')}
        name="currency"
      />
      <div className={classes.pair}>
        {price('corePrice', 'Price per core', 'Each month, for each prepaid core.')}
        {price('extraCorePrice', 'Price per extra core', 'For each core over the prepaid ones.')}
      </div>
      <div className={classes.pair}>
        <TextInput
          label="First day"
          description="A UTC day."
          type="date"
          required
          {...form.getInputProps('startsOn')}
          name="startsOn"
        />
        <TextInput
          label="Last day"
          description="Optional; empty for no end."
          type="date"
          {...form.getInputProps('endsOn')}
          name="endsOn"
        />
      </div>
    </>
  );
}

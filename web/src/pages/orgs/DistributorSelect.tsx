import { NativeSelect } from '@mantine/core';
import type { Org } from '../../api/orgTypes';

interface DistributorSelectProps {
  distributors: readonly Pick<Org, 'id' | 'name'>[];
  /** optional offers "none": a client that the vendor sells to directly. */
  optional: boolean;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  disabled?: boolean;
}

/** DistributorSelect chooses the distributor that manages a client. */
export function DistributorSelect(props: DistributorSelectProps) {
  const { distributors, optional, value, onChange, error, disabled = false } = props;
  const data = [
    ...(optional ? [{ value: '', label: 'None: the vendor manages it directly' }] : []),
    ...(!optional && value === '' ? [{ value: '', label: 'Choose a distributor' }] : []),
    ...distributors.map((d) => ({ value: d.id, label: d.name })),
  ];
  return (
    <NativeSelect
      label="Managing distributor"
      required={!optional}
      data={data}
      value={value}
      error={error}
      disabled={disabled}
      name="distributorId"
      onChange={(e) => {
        onChange(e.currentTarget.value);
      }}
    />
  );
}

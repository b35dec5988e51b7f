import type { License, LicenseCreate, LicenseUpdate } from '../../api/licenses';
import { isCurrency } from './currencies';
import { parseMoney, toMajorText } from './money';

/** LicenseValues are a license's terms as the form holds them: text, as typed. */
export interface LicenseValues {
  name: string;
  prepaidCores: string;
  corePrice: string;
  extraCorePrice: string;
  currency: string | null;
  startsOn: string;
  endsOn: string;
}

/** licenseFields maps the API's field names to the form's, for formProblem. */
export const licenseFields = {
  name: 'name',
  prepaid_cores: 'prepaidCores',
  core_price: 'corePrice',
  extra_core_price: 'extraCorePrice',
  currency: 'currency',
  starts_on: 'startsOn',
  ends_on: 'endsOn',
};

/** maxCores is the most prepaid cores the server accepts. */
export const maxCores = 1_000_000;

/** todayUTC is the current UTC day, YYYY-MM-DD, as license days are counted. */
export function todayUTC(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** emptyLicense are the values of the create form: starting today, in euros. */
export function emptyLicense(now = new Date()): LicenseValues {
  return {
    name: '',
    prepaidCores: '',
    corePrice: '',
    extraCorePrice: '',
    currency: 'EUR',
    startsOn: todayUTC(now),
    endsOn: '',
  };
}

/** licenseValues are the values of the edit form of a license. */
export function licenseValues(l: License): LicenseValues {
  return {
    name: l.name,
    prepaidCores: String(l.prepaid_cores),
    corePrice: toMajorText(l.core_price, l.currency),
    extraCorePrice: toMajorText(l.extra_core_price, l.currency),
    currency: l.currency,
    startsOn: l.starts_on,
    endsOn: l.ends_on ?? '',
  };
}

function checkPrice(text: string, values: LicenseValues): string | null {
  if (text.trim() === '') return 'Enter a price; 0 when it is free';
  const parsed = parseMoney(text, values.currency ?? 'EUR');
  if (parsed.error !== undefined) return parsed.error;
  return parsed.minor < 0 ? 'A price cannot be negative' : null;
}

/**
 * checkLicense is the form's own check before sending, of what is plain to see: the server
 * checks again, and its field errors show at the same fields.
 */
export const checkLicense = {
  name: (v: string) => (v.trim() === '' ? 'Enter a name for the license' : null),
  prepaidCores: (v: string) => {
    const text = v.trim();
    if (!/^-?\d+$/.test(text)) return 'Enter a whole number of cores';
    const n = Number(text);
    if (n < 1) return 'A license prepays at least 1 core';
    return n > maxCores ? `At most ${maxCores.toLocaleString()} cores` : null;
  },
  corePrice: (v: string, values: LicenseValues) => checkPrice(v, values),
  extraCorePrice: (v: string, values: LicenseValues) => checkPrice(v, values),
  currency: (v: string | null) =>
    v === null || v === '' ? 'Choose a currency' : isCurrency(v) ? null : 'Unknown currency',
  startsOn: (v: string) => (v === '' ? 'Enter the first day' : null),
  endsOn: (v: string, values: LicenseValues) =>
    v !== '' && values.startsOn !== '' && v < values.startsOn
      ? 'The last day cannot be before the first'
      : null,
};

// minor reads a price the checks have passed.
function minor(text: string, currency: string): number {
  return parseMoney(text, currency).minor ?? 0;
}

/** createBody is the API's spelling of checked values, for POST .../licenses. */
export function createBody(v: LicenseValues): LicenseCreate {
  const currency = v.currency ?? '';
  return {
    name: v.name.trim(),
    prepaid_cores: Number(v.prepaidCores.trim()),
    core_price: minor(v.corePrice, currency),
    extra_core_price: minor(v.extraCorePrice, currency),
    currency,
    starts_on: v.startsOn,
    ...(v.endsOn !== '' && { ends_on: v.endsOn }),
  };
}

/**
 * updateBody is what changed between a license and checked values, for PATCH: only the fields
 * that differ, and `ends_on: null` when the last day was taken away.
 */
export function updateBody(l: License, v: LicenseValues): LicenseUpdate {
  const next = createBody(v);
  const body: LicenseUpdate = {};
  if (next.name !== l.name) body.name = next.name;
  if (next.prepaid_cores !== l.prepaid_cores) body.prepaid_cores = next.prepaid_cores;
  if (next.core_price !== l.core_price) body.core_price = next.core_price;
  if (next.extra_core_price !== l.extra_core_price) body.extra_core_price = next.extra_core_price;
  if (next.currency !== l.currency) body.currency = next.currency;
  if (next.starts_on !== l.starts_on) body.starts_on = next.starts_on;
  if ((next.ends_on ?? null) !== (l.ends_on ?? null)) body.ends_on = next.ends_on ?? null;
  return body;
}

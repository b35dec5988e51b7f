/**
 * Money in the API is an integer count of the currency's minor unit (cents); people type and
 * read it in the major unit ("12.50"). These functions go between the two, exactly: no
 * floating-point arithmetic touches an amount.
 */

/** minorDigits is how many digits the currency's minor unit has: 2 for EUR, 0 for JPY. */
export function minorDigits(currency: string): number {
  try {
    const format = new Intl.NumberFormat('en', { style: 'currency', currency });
    return format.resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** formatMoney writes an amount in minor units for people: "€12.50", in their language. */
export function formatMoney(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  try {
    return new Intl.NumberFormat(undefined, {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(minor / 10 ** digits);
  } catch {
    return `${toMajorText(minor, currency)} ${currency}`;
  }
}

/** toMajorText writes an amount in minor units as a form shows it: 1250 EUR is "12.50". */
export function toMajorText(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  const sign = minor < 0 ? '-' : '';
  const text = String(Math.abs(minor)).padStart(digits + 1, '0');
  if (digits === 0) return sign + text;
  return `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/** ParsedMoney is an amount read from a form: minor units, or what is wrong with the text. */
export type ParsedMoney =
  { minor: number; error?: undefined } | { minor?: undefined; error: string };

/**
 * parseMoney reads an amount typed in the major unit ("12.5", "12,50", "1 200") into minor
 * units. A negative amount is kept, for the form to refuse with its own words.
 */
export function parseMoney(text: string, currency: string): ParsedMoney {
  const value = text.replace(/[\s\u00a0_']/g, '').replace(',', '.');
  const digits = minorDigits(currency);
  const match = /^(-?)(\d+)(?:\.(\d*))?$/.exec(value);
  if (match === null) return { error: 'Enter an amount, such as 12.50' };
  const [, sign = '', whole = '', fraction = ''] = match;
  if (fraction.length > digits) {
    return {
      error:
        digits === 0
          ? `${currency} has no smaller unit: enter a whole amount`
          : `Enter at most ${String(digits)} digits after the decimal point`,
    };
  }
  const minor = Number(whole + fraction.padEnd(digits, '0'));
  if (!Number.isSafeInteger(minor)) return { error: 'This amount is too large' };
  return { minor: sign === '-' ? -minor : minor };
}

/**
 * currencyCodes are the ISO 4217 codes that the API accepts (internal/license/currency.go):
 * currencies in circulation, without funds, precious metals or testing codes.
 */
export const currencyCodes: readonly string[] = `AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM
  BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD CAD CDF CHF CLP CNY COP CRC CUP CVE
  CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF
  IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL
  LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB
  PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN
  SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VES VND VUV WST XAF XCD
  XCG XOF XPF YER ZAR ZMW ZWG`
  .split(/\s+/)
  .filter((code) => code !== '');

const names = new Intl.DisplayNames(['en'], { type: 'currency' });

/** currencyLabel names a currency for the picker: "EUR · Euro". */
export function currencyLabel(code: string): string {
  let name: string | undefined;
  try {
    name = names.of(code);
  } catch {
    name = undefined;
  }
  return name === undefined || name === code ? code : `${code} · ${name}`;
}

/** currencyOptions are the choices of the currency picker, by code. */
export const currencyOptions = currencyCodes.map((code) => ({
  value: code,
  label: currencyLabel(code),
}));

/** isCurrency reports whether the API accepts code. */
export function isCurrency(code: string): boolean {
  return currencyCodes.includes(code);
}

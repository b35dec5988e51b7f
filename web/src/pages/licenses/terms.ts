import type { License } from '../../api/licenses';
import { formatMoney } from './money';

/** coresText says a count of cores: "1 core", "8 cores". */
export function coresText(cores: number): string {
  return cores === 1 ? '1 core' : `${cores.toLocaleString()} cores`;
}

/** pricesText says a license's prices: "€10.00 per core, €12.00 per extra core". */
export function pricesText(license: License): string {
  const core = formatMoney(license.core_price, license.currency);
  const extra = formatMoney(license.extra_core_price, license.currency);
  return `${core} per core, ${extra} per extra core`;
}

/** periodText says when a license runs: "from 2025-01-01", "2025-01-01 to 2025-12-31". */
export function periodText(license: License): string {
  if (license.ends_on === undefined) return `From ${license.starts_on}, no end`;
  return `${license.starts_on} to ${license.ends_on}`;
}

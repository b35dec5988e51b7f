/** licensePath is the address of a license's page. */
export function licensePath(id: string): string {
  return `/licenses/${encodeURIComponent(id)}`;
}

/** newLicensePath is the address of the form that creates a license of organisation org. */
export function newLicensePath(org: string): string {
  return `/orgs/${encodeURIComponent(org)}/licenses/new`;
}

/** orgLicensesPath is the address of an organisation's licenses. */
export function orgLicensesPath(org: string): string {
  return `/orgs/${encodeURIComponent(org)}/licenses`;
}

// The organisations and people of the license tests, made through the API as the vendor's
// admin: a distributor with its admin, and a client that the distributor manages.
import { signedInAPI } from './api';
import { addMember, createOrg, tag as newTag, type OrgRef } from './orgs';
import { newPerson, type Person } from './people';

export type { OrgRef };

/** Distribution is a distributor, its admin, and a client it manages. */
export interface Distribution {
  distributor: OrgRef;
  distributorAdmin: Person;
  client: OrgRef;
}

/**
 * newDistribution makes a vendor admin, who creates a distributor and adds a fresh person as
 * its admin; that admin then creates a client of the distributor.
 */
export async function newDistribution(label: string): Promise<Distribution> {
  const tag = newTag();
  const vendor = await newPerson(`${label}-vendor`, { vendorAdmin: true });
  const distributorAdmin = await newPerson(`${label}-dist`);
  const asVendor = await signedInAPI(vendor);
  const distributor = await createOrg(asVendor, {
    name: `Distributor ${tag}`,
    kind: 'distributor',
  });
  await addMember(asVendor, distributor.id, distributorAdmin, 'admin');
  await asVendor.dispose();
  const asDistributor = await signedInAPI(distributorAdmin);
  const client = await createOrg(asDistributor, {
    name: `Client ${tag}`,
    kind: 'client',
    distributor_id: distributor.id,
  });
  await asDistributor.dispose();
  return { distributor, distributorAdmin, client };
}

/** What the consistency check compares of a house consignment (PET11): mass, packages, consignor, consignee. */
import type { HouseConsignment } from '@ics2/contracts';
import type { HouseSummary } from '../filing.commands';

export function summariseHouse(house: HouseConsignment): HouseSummary {
  const items = house.goodsItem ?? [];
  const itemMass = items.reduce<number | null>((sum, item) => (item.weight?.grossMass === undefined ? sum : (sum ?? 0) + item.weight.grossMass), null);
  const packages = items.reduce<number | null>(
    (sum, item) => (item.packaging ?? []).reduce<number | null>((s, p) => (p.numberOfPackages === undefined ? s : (s ?? 0) + p.numberOfPackages), sum),
    null,
  );
  return {
    houseDocument: house.transportDocumentHouseLevel?.documentNumber ?? '',
    grossMass: house.totalGrossMass ?? itemMass,
    packages,
    consignor: house.consignor?.name ?? null,
    consignee: house.consignee?.name ?? null,
  };
}

import { EnsFiling, GoodsItem, HouseConsignment } from '@ics2/contracts';
import { FilingLevel } from '@ics2/domain';
import { childPointer } from './json-pointer';

/** A node of the filing and its JSON pointer in the request body. */
export interface Located<T> {
  readonly node: T;
  readonly pointer: string;
}

const TOP_LEVEL_HOUSES = '/consignmentHouseLevel';
const MASTER_LEVEL_HOUSES = '/consignmentMasterLevel/consignmentHouseLevel';

const locate = <T>(list: readonly T[] | undefined, base: string): Located<T>[] =>
  (list ?? []).map((node, index) => ({ node, pointer: childPointer(base, index) }));

/** Every house consignment the body has, in either list (value checks look at all of them). */
export const allHousesOf = (filing: EnsFiling): Located<HouseConsignment>[] => [
  ...locate(filing.consignmentHouseLevel, TOP_LEVEL_HOUSES),
  ...locate(filing.consignmentMasterLevel?.consignmentHouseLevel, MASTER_LEVEL_HOUSES),
];

/**
 * The house consignments where the filing level puts them: the top-level list for house-level filings, the
 * master level's list otherwise (the level rule refuses a list in the other place).
 */
export const housesOf = (filing: EnsFiling, level: FilingLevel): Located<HouseConsignment>[] =>
  level === 'house'
    ? locate(filing.consignmentHouseLevel, TOP_LEVEL_HOUSES)
    : locate(filing.consignmentMasterLevel?.consignmentHouseLevel, MASTER_LEVEL_HOUSES);

export const goodsItemsOf = (house: Located<HouseConsignment>): Located<GoodsItem>[] =>
  locate(house.node.goodsItem, childPointer(house.pointer, 'goodsItem'));

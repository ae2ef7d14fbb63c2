/**
 * What the goods of one house consignment say about it: HS prefixes for the index, masses and packages, and the
 * missing or low-quality data markers (missing-data.table.ts).
 */
import type { HouseConsignment, Party, RiskAnalysisPhase } from '@ics2/contracts';
import { checkGoodsDescription } from '@ics2/domain';
import { type MissingDataMarker, SHORT_DESCRIPTION_MIN_LETTERS } from './missing-data.table';
import { letterCount } from './text-normalisation';

const EMPTY: readonly never[] = [];

/** Every prefix, 2 digits and longer, of every code, each once. */
export function hsPrefixesOf(codes: readonly string[]): string[] {
  const prefixes = new Set<string>();
  for (const code of codes) for (let n = 2; n <= code.length; n++) prefixes.add(code.slice(0, n));
  return [...prefixes];
}

export interface ConsignmentMasses {
  readonly grossMassKg: number | null;
  readonly packages: number | null;
  readonly massPerPackageKg: readonly number[];
}

/** The house total, else the sum of its items; packages over all items; mass per package per item (see RiskConsignment). */
export function massesOf(house: HouseConsignment): ConsignmentMasses {
  const items = house.goodsItem ?? EMPTY;
  let itemMass = 0;
  let massGiven = false;
  let packages = 0;
  let packagesGiven = false;
  const perPackage: number[] = [];
  for (const item of items) {
    const mass = item.weight?.grossMass;
    if (typeof mass === 'number') {
      itemMass += mass;
      massGiven = true;
    }
    let itemPackages = 0;
    let itemPackagesGiven = false;
    for (const packaging of item.packaging ?? EMPTY) {
      if (typeof packaging.numberOfPackages === 'number') {
        itemPackages += packaging.numberOfPackages;
        itemPackagesGiven = true;
      }
    }
    if (itemPackagesGiven) {
      packages += itemPackages;
      packagesGiven = true;
    }
    if (typeof mass === 'number' && itemPackages > 0) perPackage.push(mass / itemPackages);
  }
  const grossMassKg = typeof house.totalGrossMass === 'number' ? house.totalGrossMass : massGiven ? Math.round(itemMass * 1e6) / 1e6 : null;
  const total = packagesGiven ? packages : null;
  if (perPackage.length === 0 && grossMassKg !== null && total !== null && total > 0) perPackage.push(grossMassKg / total);
  return { grossMassKg, packages: total, massPerPackageKg: perPackage };
}

const hasStreet = (party: Party | undefined) => Boolean(party?.address?.streetAndNumber || party?.address?.poBox);

/** The missing and low-quality data markers of one house consignment, in the order of the table. */
export function markersOf(house: HouseConsignment, phase: RiskAnalysisPhase, masses: ConsignmentMasses): MissingDataMarker[] {
  const items = house.goodsItem ?? EMPTY;
  if (items.length === 0) return ['no-goods-items'];
  const markers: MissingDataMarker[] = [];
  if (phase === 'pre-arrival' && items.some((item) => !item.commodity.commodityCode?.harmonizedSystemSubHeadingCode)) markers.push('no-hs-code');
  const descriptions = items.map((item) => item.commodity.descriptionOfGoods ?? '');
  if (descriptions.some((d) => letterCount(d) < SHORT_DESCRIPTION_MIN_LETTERS)) markers.push('short-description');
  if (descriptions.some((d) => {
    const checked = checkGoodsDescription(d);
    return !checked.ok && checked.problem.code === '100';
  })) markers.push('generic-description');
  if (!house.consignor?.name) markers.push('no-consignor');
  else if (!hasStreet(house.consignor)) markers.push('consignor-no-street');
  if (!house.consignee?.name) markers.push('no-consignee');
  else if (!hasStreet(house.consignee)) markers.push('consignee-no-street');
  if (masses.grossMassKg === null) markers.push('no-gross-mass');
  if (masses.packages === null) markers.push('no-packages');
  return markers;
}

/**
 * The consistency check after linking (PET11, ics2-reference 7.2): the master's own figures for each house against
 * the house filing, and pre-arrival data against the PLACI data of the same house. [U] tolerances: masses may
 * differ by rounding (0.1%, at least 0.001 kg); packages must be equal; party names are compared ignoring case,
 * accents' absence and spacing. A value one side does not give is not compared.
 */
import type { ConsistencyDifference } from '@ics2/contracts';
import type { HouseSummary } from '../filing.commands';

const massDiffers = (a: number, b: number) => Math.abs(a - b) > Math.max(0.001, 0.001 * Math.max(a, b));
const normalName = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').replace(/\s+/g, ' ').trim().toLowerCase();

interface Side {
  readonly mrn: string;
  readonly summary: HouseSummary;
}

/** Differences between two descriptions of the same house consignment. */
export function compareHouses(a: Side, b: Side): ConsistencyDifference[] {
  const differences: ConsistencyDifference[] = [];
  const houseDocument = a.summary.houseDocument || b.summary.houseDocument;
  const differ = (element: string, x: string | number | null, y: string | number | null) =>
    differences.push({ element, houseDocument, values: [{ mrn: a.mrn, value: x }, { mrn: b.mrn, value: y }] });
  const [ma, mb] = [a.summary.grossMass, b.summary.grossMass];
  if (ma !== null && mb !== null && massDiffers(ma, mb)) differ('grossMass', ma, mb);
  const [pa, pb] = [a.summary.packages, b.summary.packages];
  if (pa !== null && pb !== null && pa !== pb) differ('numberOfPackages', pa, pb);
  for (const party of ['consignor', 'consignee'] as const) {
    const [x, y] = [a.summary[party], b.summary[party]];
    if (x !== null && y !== null && normalName(x) !== normalName(y)) differ(`${party}/name`, x, y);
  }
  return differences;
}

import type { ConsistencyDifference, EnsEvent } from '@ics2/contracts';
import { houseConsignmentsOf } from '@ics2/contracts';
import type { CheckConsistency } from '../filing.commands';
import { notApplicable, type FilingRefusal } from '../filing.refusals';
import type { FilingState } from '../filing.state';
import { compareHouses } from '../rules/consistency';
import { summariseHouse } from '../rules/house-summary';

/**
 * PET11 once a master is complete: each house filing against the master's own figures for that house, and
 * pre-arrival data against the PLACI data of the same house, as each filing now stands (amended). `ok` or
 * `flagged` with the differences; checked once per completion, and again when an amendment changed the figures.
 */
export function checkConsistency(command: CheckConsistency['data'], state: FilingState): readonly EnsEvent[] | FilingRefusal {
  if (state.status === 'none' || state.level !== 'master') return notApplicable('only a master is checked');
  if (state.completedPhases.length === 0) return notApplicable('the ENS is not complete');
  if (state.consistency !== null && !command.recheck) return [];
  const ownEntries = new Map(houseConsignmentsOf(state.filing).map((h) => [h.transportDocumentHouseLevel?.documentNumber ?? '', summariseHouse(h)]));
  // A straight B/L (F13) lists no house document: its one consignment is the one an F17 completes, under whatever
  // house document the F17 names (linking joins them under '' too), or nothing would be compared.
  const straight = ownEntries.size === 1 && ownEntries.has('') ? ownEntries.get('') : undefined;
  const differences: ConsistencyDifference[] = [];
  for (const house of command.houses) {
    const own = ownEntries.get(house.summary.houseDocument) ?? straight;
    if (own) differences.push(...compareHouses({ mrn: state.mrn, summary: own }, house));
    if (house.placi) differences.push(...compareHouses(house.placi, house));
  }
  return [{ type: 'EnsConsistencyChecked', data: { mrn: state.mrn, outcome: differences.length ? 'flagged' : 'ok', differences, checkedAt: command.at } }];
}

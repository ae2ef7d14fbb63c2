import { filingType, suppliedGroups } from '@ics2/domain';
import type { EnsEvent } from '@ics2/contracts';
import type { LinkFiling } from '../filing.commands';
import { notApplicable, type FilingRefusal } from '../filing.refusals';
import type { FilingState, RecordedFiling } from '../filing.state';
import { LIFECYCLE } from '../rules/lifecycle.table';
import { ANALYSIS_PHASES } from './register-filing';

/**
 * Multiple filing (ics2-reference 7.2): a master and one of its houses are joined, on each side's stream. A house
 * of the master is complete once its linked filings gave every data group the master's type awaits (filing-types
 * table `awaits`: an F12 house needs an F15, or an F16 and an F17). The master becomes complete when its last
 * expected house is: one EnsFilingCompleted per risk-analysis phase of its type, naming every member filing.
 * Linking twice is nothing new; a link that does not fit, or gives data the house already has, is not applied.
 */
export function linkFiling(command: LinkFiling['data'], state: FilingState): readonly EnsEvent[] | FilingRefusal {
  if (state.status === 'none') return notApplicable('no such filing');
  const verdict = LIFECYCLE.LinkFiling[state.status];
  if (verdict !== 'ok') return notApplicable(verdict.reason);
  if (state.linked.some((l) => l.mrn === command.otherMrn && l.houseDocument === command.houseDocument)) return [];
  const linked: Linked = {
    mrn: state.mrn,
    linkedMrn: command.otherMrn,
    linkedLevel: command.otherLevel,
    houseDocument: command.houseDocument,
    by: command.by,
    linkedParties: command.otherParties,
    linkedAt: command.at,
  };
  if (state.level === 'house') {
    if (command.otherLevel !== 'master') return notApplicable('a house links to a master');
    // One house filing may carry several houses of the same master: each is linked; another master never is.
    const other = state.linked.find((l) => l.mrn !== command.otherMrn);
    if (other) return notApplicable(`house document ${command.houseDocument} is linked to ${other.mrn}`);
    // Linked already, it fills another house of that master only if it carries it: a hand that links it to a second
    // document of the master would complete the ENS with one consignment declared for two.
    const first = state.linked[0];
    if (first && !state.linkingKey.houseDocuments.includes(command.houseDocument)) {
      return notApplicable(`house document ${command.houseDocument} is not one this filing carries, and it is linked to ${first.mrn} as ${first.houseDocument}`);
    }
    return [{ type: 'EnsFilingLinked', data: linked }];
  }
  if (state.level !== 'master' || command.otherLevel !== 'house') return notApplicable('only a master and a house are linked');
  return linkHouse(command, state, linked);
}

type Linked = Extract<EnsEvent, { type: 'EnsFilingLinked' }>['data'];

function linkHouse(command: LinkFiling['data'], state: RecordedFiling, linked: Linked): readonly EnsEvent[] | FilingRefusal {
  const doc = command.houseDocument;
  // A master that lists no houses (F13 awaiting its F17) expects one partner under the house document ''.
  const expected = state.linkingKey.houseDocuments.length > 0 ? state.linkingKey.houseDocuments : [''];
  if (!expected.includes(doc) || (!state.missing.includes(doc) && !state.linked.some((l) => l.houseDocument === doc))) {
    return notApplicable(`house document "${doc}" is not expected`);
  }
  const awaits = filingType(state.filingType)?.awaits ?? [];
  const before = state.linked.filter((l) => l.houseDocument === doc);
  const given = before.flatMap((l) => l.supplies ?? awaits);
  const supplies = suppliedGroups(command.otherFilingType, state.filingType);
  if (before.length > 0 && (supplies.length === 0 || supplies.some((g) => given.includes(g)))) {
    return notApplicable(`house document ${doc} is linked to ${before[0].mrn}`);
  }
  if (supplies.length === 0) return notApplicable(`a ${command.otherFilingType} filing gives a ${state.filingType} none of the data it awaits`);
  const awaiting = awaits.filter((g) => !given.includes(g) && !supplies.includes(g));
  const event: EnsEvent = { type: 'EnsFilingLinked', data: { ...linked, supplies, awaiting } };
  const missing = awaiting.length > 0 ? state.missing : state.missing.filter((d) => d !== doc);
  if (missing.length > 0 || state.completedPhases.length > 0) return [event];
  const members = [...new Set([state.mrn, ...state.linked.map((l) => l.mrn), command.otherMrn])];
  const phases = ANALYSIS_PHASES[filingType(state.filingType)?.phase ?? state.phase];
  return [event, ...phases.map((phase): EnsEvent => ({ type: 'EnsFilingCompleted', data: { mrn: state.mrn, phase, members, completedAt: command.at } }))];
}

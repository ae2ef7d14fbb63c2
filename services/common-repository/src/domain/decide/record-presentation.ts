import { customsOfficeCountry, filingType, normaliseMemberStateCode, type CustomsOffice } from '@ics2/domain';
import type { EnsEvent } from '@ics2/contracts';
import type { RecordPresentation } from '../filing.commands';
import { notFound, type FilingRefusal } from '../filing.refusals';
import type { FilingState } from '../filing.state';
import { ics2Error, outOfSequence } from '../rejections';
import { LIFECYCLE } from '../rules/lifecycle.table';

/** Modes whose goods must have arrived before they can be presented (ics2-reference 10). */
const ARRIVAL_FIRST = new Set(['air', 'maritime', 'inland-waterway']);

/**
 * The Member State of presentation records that the goods were presented at one of its offices. For air and sea
 * the filing must be `arrived` first. Refusals go back to that Member State only (no trader message): no event.
 * Goods are presented once: the same presentation sent again (its office) changes nothing, and one at another
 * office, or by another Member State, is out of sequence (92), never answered as if it had been recorded.
 */
export function recordPresentation(command: RecordPresentation['data'], state: FilingState): readonly EnsEvent[] | FilingRefusal {
  if (state.status === 'none') return notFound;
  const office = normaliseMemberStateCode(customsOfficeCountry(command.office as CustomsOffice));
  if (office !== command.memberState) return { kind: 'lifecycle', errors: [ics2Error('12', '/office', `the office is not in ${command.memberState}`)] };
  if (state.status === 'presented' && state.presentedOffice === command.office) return [];
  const verdict = LIFECYCLE.RecordPresentation[state.status];
  if (verdict !== 'ok') return { kind: 'lifecycle', errors: [outOfSequence(verdict)] };
  const mode = filingType(state.filingType)?.mode;
  if (mode && ARRIVAL_FIRST.has(mode) && state.status !== 'arrived') {
    return { kind: 'lifecycle', errors: [ics2Error('92', '', `${mode} goods must be arrived before they are presented`)] };
  }
  return [{ type: 'EnsFilingPresented', data: { mrn: state.mrn, office: command.office, presentedAt: command.presentedAt, memberState: command.memberState } }];
}

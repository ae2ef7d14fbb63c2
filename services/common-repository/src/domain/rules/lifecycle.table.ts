/**
 * Which lifecycle commands each state accepts (ics2-reference 10, rules GET04/GET05/IFT02/PCT04), as data.
 * `ok`: decide goes on to the command's own rules; otherwise the CL723 code it is refused with (92: message out of
 * sequence) and why. Presentation's extra rule (air and sea need `arrived` first) is in record-presentation.ts.
 */
import type { FilingStatus } from '../filing.state';

export type LifecycleCommand = 'AmendFiling' | 'InvalidateFiling' | 'RecordArrival' | 'RecordPresentation' | 'ExpireFiling' | 'LinkFiling' | 'NotePresentation' | 'NoteHousePresentation' | 'NoteControl';
export type LifecycleVerdict = 'ok' | { readonly code: '92'; readonly reason: string };

const out = (reason: string): LifecycleVerdict => ({ code: '92', reason });
const OPEN = { registered: 'ok', 'pending-completeness': 'ok', complete: 'ok' } as const;

export const LIFECYCLE: Readonly<Record<LifecycleCommand, Readonly<Record<FilingStatus, LifecycleVerdict>>>> = {
  AmendFiling: {
    ...OPEN,
    arrived: 'ok',
    presented: out('the goods were presented: the filing can no longer be amended'),
    invalidated: out('the filing is invalidated'),
    rejected: out('the filing was rejected'),
  },
  InvalidateFiling: {
    ...OPEN,
    arrived: 'ok',
    presented: out('the goods were presented: the filing can no longer be invalidated'),
    invalidated: out('the filing is already invalidated'),
    rejected: out('the filing was rejected'),
  },
  RecordArrival: {
    ...OPEN,
    arrived: out('the arrival of these goods was already notified'),
    presented: out('the goods were already presented'),
    invalidated: out('the filing is invalidated'),
    rejected: out('the filing was rejected'),
  },
  RecordPresentation: {
    ...OPEN,
    arrived: 'ok',
    presented: out('the goods were already presented'),
    invalidated: out('the filing is invalidated'),
    rejected: out('the filing was rejected'),
  },
  ExpireFiling: {
    ...OPEN,
    arrived: 'ok',
    presented: out('presentation stopped the 200-day timer'),
    invalidated: out('the filing is already invalidated'),
    rejected: out('the filing was rejected'),
  },
  LinkFiling: {
    ...OPEN,
    arrived: 'ok',
    presented: 'ok',
    invalidated: out('the filing is invalidated'),
    rejected: out('the filing was rejected'),
  },
  // What a presentation stops (invalidation, amendment) matters only while the house still declares its goods.
  NotePresentation: {
    ...OPEN,
    arrived: 'ok',
    presented: 'ok',
    invalidated: out('the filing is invalidated'),
    rejected: out('the filing was rejected'),
  },
  // Likewise for a master learning that one of its houses was presented.
  NoteHousePresentation: {
    ...OPEN,
    arrived: 'ok',
    presented: 'ok',
    invalidated: out('the filing is invalidated'),
    rejected: out('the filing was rejected'),
  },
  // A control concerns goods that are still declared: an invalidated filing declares nothing any more.
  NoteControl: {
    ...OPEN,
    arrived: 'ok',
    presented: 'ok',
    invalidated: out('the filing is invalidated'),
    rejected: out('the filing was rejected'),
  },
};

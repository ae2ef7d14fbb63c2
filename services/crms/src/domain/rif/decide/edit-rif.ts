import type { RifEvent } from '@ics2/contracts';
import { invalid, isRefusal, outOfSequence, type CrmsRefusal } from '../../crms.refusals';
import { sameJson } from '../../rules/canonical-json';
import type { EditRif } from '../rif.commands';
import { RIF_LIFECYCLE } from '../rules/lifecycle.table';
import { asAuthor } from '../rules/rif-access';
import { contentErrors } from '../rules/rif-content';
import type { RifState } from '../rif.state';

/** The draft's content replaced as a whole, by any user of its author's Member State (the Commission for its own). */
export function editRif(command: EditRif['data'], state: RifState): readonly RifEvent[] | CrmsRefusal {
  const rif = asAuthor(state, command.by);
  if (isRefusal(rif)) return rif;
  const verdict = RIF_LIFECYCLE.EditRif[rif.status];
  if (verdict !== 'ok') return outOfSequence(verdict);
  const errors = contentErrors(rif.rifId, rif.author, command.content);
  if (errors.length) return invalid(errors);
  if (sameJson(rif.content, command.content)) return [];
  return [{ type: 'RifDraftEdited', data: { rifId: rif.rifId, content: command.content, editedBy: command.by, editedAt: command.at } }];
}

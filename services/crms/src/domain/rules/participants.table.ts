/**
 * Who takes part in CRMS (policy digest: all Member States, Switzerland and Norway through the security agreement;
 * the UK only until the end of the transition period): the recipients a RIF, a campaign or an alert may name.
 * [U] Northern Ireland (XI) runs ICS2 but is not a customs administration of its own: not a participant.
 */
import { EU_MEMBER_STATES } from '@ics2/domain';

export const CRMS_PARTICIPANTS: readonly string[] = [...EU_MEMBER_STATES.map((ms) => ms.code), 'NO', 'CH'];

const PARTICIPANTS: ReadonlySet<string> = new Set(CRMS_PARTICIPANTS);

export const isCrmsParticipant = (code: string): boolean => PARTICIPANTS.has(code);

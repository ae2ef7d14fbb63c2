/** One function per command (decide/*); the `never` check makes an unhandled command a compile error. */
import type { RiskEvent } from '@ics2/contracts';
import { addMitigation } from './decide/add-mitigation';
import { analyse } from './decide/analyse';
import { answerReferral } from './decide/answer-referral';
import { completeAssessment } from './decide/complete-assessment';
import { dismissHit } from './decide/dismiss-hit';
import { escalate } from './decide/escalate';
import { issueDoNotLoad } from './decide/issue-do-not-load';
import { noteMemberUnlinked } from './decide/note-member-unlinked';
import { requestReferral } from './decide/request-referral';
import type { RiskCommand } from './risk.commands';
import type { RiskRefusal } from './risk.refusals';
import type { RiskState } from './risk.state';

export function decideRisk(command: RiskCommand, state: RiskState): readonly RiskEvent[] | RiskRefusal {
  switch (command.type) {
    case 'Analyse':
      return analyse(command.data, state);
    case 'RequestReferral':
      return requestReferral(command.data, state);
    case 'AnswerReferral':
      return answerReferral(command.data, state);
    case 'IssueDoNotLoad':
      return issueDoNotLoad(command.data, state);
    case 'CompleteAssessment':
      return completeAssessment(command.data, state);
    case 'DismissHit':
      return dismissHit(command.data, state);
    case 'AddMitigation':
      return addMitigation(command.data, state);
    case 'Escalate':
      return escalate(command.data, state);
    case 'NoteMemberUnlinked':
      return noteMemberUnlinked(command.data, state);
    default: {
      const unhandled: never = command;
      return unhandled;
    }
  }
}

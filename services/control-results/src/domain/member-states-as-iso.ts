/**
 * A case opened before the EL->GR normalisation may name Greece `EL` in its ControlCaseOpened (its events stay as
 * written: history is not rewritten). Read as `GR`, the code a Greek token and every newer case carry, so a Greek
 * user finds, reads and works it and no one else gains access.
 */
import type { ControlCaseOpened } from '@ics2/contracts';
import { normaliseMemberStateCode } from '@ics2/domain';

export function withMemberStatesAsIso(opened: ControlCaseOpened['data']): ControlCaseOpened['data'] {
  return {
    ...opened,
    memberStateOfControl: normaliseMemberStateCode(opened.memberStateOfControl),
    responsibleMemberState: normaliseMemberStateCode(opened.responsibleMemberState),
    involvedMemberStates: opened.involvedMemberStates.map(normaliseMemberStateCode),
  };
}

/** The risk aggregate of one ENS as a decider over `risk-<head mrn>`: pure, no framework, no I/O, no clock. */
import type { Decider } from '@ics2/domain';
import type { RiskEvent } from '@ics2/contracts';
import type { RiskCommand } from './risk.commands';
import { decideRisk } from './risk.decide';
import { evolveRisk } from './risk.evolve';
import type { RiskRefusal } from './risk.refusals';
import { initialRiskState, type RiskState } from './risk.state';

export const riskDecider: Decider<RiskCommand, RiskEvent, RiskState, RiskRefusal> = {
  decide: decideRisk,
  evolve: evolveRisk,
  initialState: initialRiskState,
};

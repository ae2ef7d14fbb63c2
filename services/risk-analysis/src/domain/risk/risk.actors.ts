/**
 * Who an event of the risk stream is recorded as done by (its metadata's actor), when not the command's sender. The
 * engine's automatic acts are the system's: an assessment completed automatically (`by: automatic`, IE3N03 with no
 * risk unit's say) is the engine's, also when a risk unit's decision sets it off (a held no-hit pre-arrival analysis
 * completing with the pre-loading analysis the unit assessed), so an auditor never reads a user as having assessed
 * an analysis that user never decided on.
 */
import type { RiskEvent } from '@ics2/contracts';
import { systemActor, type Actor } from '@ics2/domain';

/** The engine: analyses, and the assessments completed with no risk unit's decision. */
export const RISK_ENGINE: Actor = systemActor('risk-analysis.engine');

/** The actor of a decided event when it is not the command's (handleCommand's `actorOf`); undefined: the command's. */
export const actorOfRiskEvent = (event: RiskEvent): Actor | undefined => (event.type === 'RiskAssessmentCompleted' && event.data.by === 'automatic' ? RISK_ENGINE : undefined);

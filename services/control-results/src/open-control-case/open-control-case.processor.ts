/**
 * `control-results.intake`: an assessment that recommends a control opens a case on `control-<mrn>` for the
 * Member State of control. The command's id is the assessment event's, so a redelivery appends nothing.
 */
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { RiskAssessmentCompleted, RiskEvent } from '@ics2/contracts';
import { systemActor } from '@ics2/domain';
import { riskStream, type RecordedEvent } from '@ics2/event-store';
import { Subscriptions } from '@ics2/platform';
import { ControlCommands } from '../doors/control-commands';
import { caseFromAnalysis } from './case-from-analysis';

export const INTAKE_SUBSCRIPTION = 'control-results.intake';
const actor = systemActor('control-results.intake');

@Injectable()
export class OpenControlCaseProcessor implements OnApplicationBootstrap {
  constructor(
    private readonly subscriptions: Subscriptions,
    private readonly commands: ControlCommands,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.subscriptions.start({ name: INTAKE_SUBSCRIPTION, filter: { categories: ['risk'], eventTypes: ['RiskAssessmentCompleted'] }, partitions: 2, handle: (e) => this.handle(e) });
  }

  async handle(recorded: RecordedEvent): Promise<void> {
    const completed = recorded.data as RiskAssessmentCompleted['data'];
    if (!completed.controlRecommendation) return;
    const history = await this.commands.store.readStream(riskStream(completed.mrn), { maxCount: recorded.revision + 1 });
    const opened = caseFromAnalysis(
      completed,
      history.map((e) => ({ type: e.type, data: e.data }) as RiskEvent),
    );
    if (!opened) return;
    await this.commands.run(opened.mrn, { type: 'OpenControlCase', data: opened }, recorded.id, actor, new Date(completed.completedAt), recorded.id);
  }
}

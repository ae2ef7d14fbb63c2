import { Module } from '@nestjs/common';
import { SignalsGrpcController } from './signals.grpc-controller';
import { SignalsListener } from './signals.listener';
import { SignalsReader } from './signals.reader';
import { SignalsSubscription } from './signals.subscription';

/**
 * The Member State signal streams (issue 4, "The flow" 3 and "Member State door"): the projection (subscription
 * `risk-analysis.signals`, risk events into risk_analysis.signals) and SubscribeSignals. Its tables are raw SQL
 * only (no TypeORM entity): the keyed feed and signal_analyses.
 */
@Module({
  controllers: [SignalsGrpcController],
  providers: [SignalsSubscription, SignalsListener, SignalsReader],
})
export class SignalsModule {}

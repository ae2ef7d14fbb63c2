import { Module } from '@nestjs/common';
import { RiskCommands } from '../doors/risk-commands';
import { AnswerReferralGrpcController } from './answer-referral.grpc-controller';

@Module({ controllers: [AnswerReferralGrpcController], providers: [RiskCommands] })
export class AnswerReferralModule {}

import { Module } from '@nestjs/common';
import { AnswerReferralHttpController } from './answer-referral.http-controller';

/** The operators' answers to referrals (IE3R02, IE3R03); needs RiskAnalysisModule (global). */
@Module({ controllers: [AnswerReferralHttpController] })
export class AnswerReferralModule {}

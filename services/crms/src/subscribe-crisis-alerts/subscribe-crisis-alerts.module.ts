import { Module } from '@nestjs/common';
import { CrisisAlertsListener } from './crisis-alerts.listener';
import { CrisisAlertsQuery } from './crisis-alerts.query';
import { SubscribeCrisisAlertsGrpcController } from './subscribe-crisis-alerts.grpc-controller';

@Module({ controllers: [SubscribeCrisisAlertsGrpcController], providers: [CrisisAlertsQuery, CrisisAlertsListener] })
export class SubscribeCrisisAlertsModule {}

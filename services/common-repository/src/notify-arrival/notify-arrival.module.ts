import { Module } from '@nestjs/common';
import { FilingCommands } from '../doors/filing-commands';
import { ArrivalMatchingQuery } from './arrival-matching.query';
import { NotifyArrivalGrpcController } from './notify-arrival.grpc-controller';
import { NotifyArrivalHandler } from './notify-arrival.handler';

@Module({ controllers: [NotifyArrivalGrpcController], providers: [NotifyArrivalHandler, ArrivalMatchingQuery, FilingCommands] })
export class NotifyArrivalModule {}

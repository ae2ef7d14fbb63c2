import { Module } from '@nestjs/common';
import { NotifyArrivalHttpController } from './notify-arrival.http-controller';

@Module({ controllers: [NotifyArrivalHttpController] })
export class NotifyArrivalModule {}

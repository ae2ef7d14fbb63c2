import { Module } from '@nestjs/common';
import { CrmsCommands } from '../doors/crms-commands';
import { ActivateProfileGrpcController } from './activate-profile.grpc-controller';

@Module({ controllers: [ActivateProfileGrpcController], providers: [CrmsCommands] })
export class ActivateProfileModule {}

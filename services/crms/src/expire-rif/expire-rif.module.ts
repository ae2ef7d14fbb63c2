import { Module } from '@nestjs/common';
import { CrmsCommands } from '../doors/crms-commands';
import { ExpireRifProcessor } from './expire-rif.processor';

@Module({ providers: [ExpireRifProcessor, CrmsCommands] })
export class ExpireRifModule {}

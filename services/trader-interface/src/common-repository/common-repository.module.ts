import { Global, Module } from '@nestjs/common';
import { CommonRepositoryClient } from './common-repository.client';

@Global()
@Module({ providers: [CommonRepositoryClient], exports: [CommonRepositoryClient] })
export class CommonRepositoryModule {}

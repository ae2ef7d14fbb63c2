import { Global, Module } from '@nestjs/common';
import { IdempotencyKeys } from './idempotency-keys';

/** The message ids of every door that takes an Idempotency-Key (amendment, invalidation, arrival, referral answer). */
@Global()
@Module({ providers: [IdempotencyKeys], exports: [IdempotencyKeys] })
export class IdempotencyKeysModule {}

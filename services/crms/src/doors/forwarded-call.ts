/**
 * What crms forwards when it asks another service on the caller's behalf: the caller's own bearer token (so
 * risk-analysis and control-results authenticate the caller themselves and show it only what it may see, as
 * trader-interface forwards operators' tokens) and the request's correlation id.
 */
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Metadata } from '@grpc/grpc-js';
import { correlationIdOf, type CallContext } from '@ics2/platform';

export type { CallContext } from '@ics2/platform';

export const Forwarded = createParamDecorator((_data: unknown, context: ExecutionContext): CallContext => {
  const metadata = context.switchToRpc().getContext<Metadata>();
  const value = metadata.get('authorization')[0];
  return { authorization: value === undefined ? '' : String(value), correlationId: correlationIdOf(metadata) };
});

/** What a trader door forwards to common-repository: the operator's own token and the request's correlation id. */
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { correlationIdOf } from '@ics2/platform';
import type { CallContext } from '../common-repository/common-repository.client';

export const Forwarded = createParamDecorator((_data: unknown, context: ExecutionContext): CallContext => {
  const req = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined> }>();
  return { authorization: req.headers['authorization'] ?? '', correlationId: correlationIdOf(req) };
});

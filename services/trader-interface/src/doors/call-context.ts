/** What a trader door forwards to common-repository: the operator's own token and the request's correlation id. */
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { correlationIdOf, type CallContext } from '@ics2/platform';

export const Forwarded = createParamDecorator((_data: unknown, context: ExecutionContext): CallContext => {
  const req = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined> }>();
  return { authorization: req.headers['authorization'] ?? '', correlationId: correlationIdOf(req) };
});

/**
 * The purpose a caller gives for reading personal or filing data (policy digest, data protection): the
 * `x-ics2-purpose` HTTP header or gRPC metadata. Plain printable text, so it can be logged and recorded as is.
 */
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Metadata } from '@grpc/grpc-js';

export const PURPOSE_HEADER = 'x-ics2-purpose';
const PRINTABLE = /^[\p{L}\p{N} .,:;/()#'_-]{3,200}$/u;

export function purposeFrom(value: unknown): string | undefined {
  const text = typeof value === 'string' ? value.trim() : undefined;
  return text && PRINTABLE.test(text) ? text : undefined;
}

/** The stated purpose of this request, or undefined when none (or an unusable one) was given. */
export const Purpose = createParamDecorator((_data: unknown, context: ExecutionContext): string | undefined => {
  if (context.getType() === 'rpc') return purposeFrom(context.switchToRpc().getContext<Metadata>().get(PURPOSE_HEADER)[0]);
  return purposeFrom(context.switchToHttp().getRequest<{ headers: Record<string, unknown> }>().headers[PURPOSE_HEADER]);
});

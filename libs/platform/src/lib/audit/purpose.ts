/**
 * The purpose a caller gives for reading personal or filing data (policy digest, data protection): the
 * `x-ics2-purpose` HTTP header or gRPC metadata. Plain printable text, so it can be logged and recorded as is, in
 * any script. HTTP headers and gRPC metadata carry printable ASCII only, so a purpose with other letters travels
 * percent-encoded (UTF-8, encodeURIComponent: `Pr%C3%BCfung`) and is decoded here; a purpose holds no '%' of its
 * own, so the decoding is never ambiguous.
 */
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Metadata } from '@grpc/grpc-js';

export const PURPOSE_HEADER = 'x-ics2-purpose';
const PRINTABLE = /^[\p{L}\p{N} .,:;/()#'_-]{3,200}$/u;

export function purposeFrom(value: unknown): string | undefined {
  let text = typeof value === 'string' ? value : undefined;
  if (text?.includes('%')) {
    try {
      text = decodeURIComponent(text);
    } catch {
      return undefined;
    }
  }
  text = text?.trim();
  return text && PRINTABLE.test(text) ? text : undefined;
}

/** A purpose as a header or metadata value: as it is in printable ASCII, else percent-encoded (purposeFrom decodes it). */
export function purposeHeaderValue(purpose: string): string {
  return /^[ -~]*$/.test(purpose) ? purpose : encodeURIComponent(purpose);
}

/** The stated purpose of this request, or undefined when none (or an unusable one) was given. */
export const Purpose = createParamDecorator((_data: unknown, context: ExecutionContext): string | undefined => {
  if (context.getType() === 'rpc') return purposeFrom(context.switchToRpc().getContext<Metadata>().get(PURPOSE_HEADER)[0]);
  return purposeFrom(context.switchToHttp().getRequest<{ headers: Record<string, unknown> }>().headers[PURPOSE_HEADER]);
});

/**
 * Door annotations. Every handler is authenticated unless marked `@Public()` (only health and metrics are);
 * `@Roles(...)` narrows who may call it. `@Caller()` hands the verified principal to a handler.
 */
import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { PlatformError } from '../errors/platform-error';
import { principalOf } from '../request/request-context';
import type { Principal, Role } from './principal';

export const IS_PUBLIC = 'ics2:public';
export const REQUIRED_ROLES = 'ics2:roles';

export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/** The caller needs at least one of these roles; otherwise 403 / PERMISSION_DENIED. */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(REQUIRED_ROLES, roles);

/** The object the platform keys request context on: the HTTP request, or the gRPC call's Metadata. */
export function requestCarrier(context: ExecutionContext): object {
  return context.getType() === 'rpc' ? context.switchToRpc().getContext<object>() : context.switchToHttp().getRequest<object>();
}

export const Caller = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const principal = principalOf(requestCarrier(context));
  // Only reachable on a @Public() handler: a bug in the handler, not the caller's fault.
  if (!principal) throw new PlatformError('unauthenticated', 'AUTH.NO_CALLER', 'this operation needs an authenticated caller');
  return principal;
});

/**
 * The global guard of both doors: HTTP reads the `authorization` header, gRPC the `authorization` metadata;
 * both verify the same way. Failures are `PlatformError`s, so the filters give 401/UNAUTHENTICATED and
 * 403/PERMISSION_DENIED from the one error table.
 */
import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Metadata } from '@grpc/grpc-js';
import { PlatformError } from '../errors/platform-error';
import { attachRequestContext, correlationIdFrom, requestContextOf } from '../request/request-context';
import { IS_PUBLIC, REQUIRED_ROLES, requestCarrier } from './auth.decorators';
import type { Role } from './principal';
import { TokenVerifier } from './token-verifier';

function authorizationOf(context: ExecutionContext): string | undefined {
  if (context.getType() === 'rpc') {
    const value = context.switchToRpc().getContext<Metadata>().get('authorization')[0];
    return typeof value === 'string' ? value : undefined;
  }
  if (context.getType() === 'http') {
    const value = context.switchToHttp().getRequest<{ headers: Record<string, unknown> }>().headers['authorization'];
    return typeof value === 'string' ? value : undefined;
  }
  return undefined;
}

@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC, targets)) return true;

    const { principal, expiresAt } = await this.verifier.verifyBearer(authorizationOf(context));
    const carrier = requestCarrier(context);
    const requestContext = requestContextOf(carrier) ?? attachRequestContext(carrier, { correlationId: correlationIdFrom(undefined) });
    requestContext.principal = principal;
    requestContext.tokenExpiresAt = expiresAt;

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (roles?.length && !roles.some((r) => principal.roles.includes(r))) {
      throw new PlatformError('permission', 'AUTH.ROLE_NOT_ALLOWED', `this operation is for: ${roles.join(', ')}`);
    }
    return true;
  }
}

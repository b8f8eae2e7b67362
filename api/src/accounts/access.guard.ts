import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { forbidden, unauthenticated } from '../platform/errors/errors.js';
import { type Access, ACCESS_METADATA, OWN_ACCOUNT_METADATA, requestOf } from './access.decorators.js';
import { TwoFactorService } from './two-factor.service.js';
import { ViewerService } from './viewer.service.js';

/** Applied to every query, mutation and route: knows the viewer, then applies the declared access. */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly viewers: ViewerService,
    private readonly twoFactor: TwoFactorService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const access = this.reflector.getAllAndOverride<Access | undefined>(ACCESS_METADATA, [
      context.getHandler(),
      context.getClass(),
    ]);
    // Fail closed: an operation that forgot to declare its access is refused, never opened.
    if (!access) throw forbidden('This operation has no access rule and is refused.');

    const req = requestOf(context);
    if (req.viewer === undefined) req.viewer = await this.viewers.fromRequest(req);
    if (access.kind === 'public') return true;
    if (!req.viewer) throw unauthenticated();
    if (access.kind === 'roles' && !access.roles.some((role) => req.viewer!.roles.includes(role))) {
      throw forbidden(`Only ${access.roles.map((r) => r.toLowerCase() + 's').join(' or ')} may do this.`);
    }
    // Decided here rather than per resolver, so every staff power present and future waits for the second factor.
    const ownAccount = this.reflector.get<boolean | undefined>(OWN_ACCOUNT_METADATA, context.getHandler());
    if (!ownAccount && (access.kind === 'roles' || changesSomething(context))) {
      await this.twoFactor.assertSetUpIfRequired(req.viewer, req);
    }
    return true;
  }
}

function changesSomething(context: ExecutionContext): boolean {
  if (context.getType<string>() === 'graphql') return GqlExecutionContext.create(context).getInfo().operation.operation !== 'query';
  return !['GET', 'HEAD', 'OPTIONS'].includes(context.switchToHttp().getRequest().method);
}

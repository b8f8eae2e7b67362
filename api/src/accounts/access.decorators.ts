import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Request } from 'express';
import { Role } from './role.js';
import type { User } from './user.entity.js';

/**
 * Who may call an operation. Every query, mutation and HTTP route declares one of these; the access
 * guard refuses anything that declares none, and a test lists the operations that forget.
 */
export type Access = { kind: 'public' } | { kind: 'signed-in' } | { kind: 'roles'; roles: Role[] };

export const ACCESS_METADATA = 'kapwa:access';

/** Anyone, signed in or not. The viewer is still known when a valid token is sent. */
export const Public = () => SetMetadata(ACCESS_METADATA, { kind: 'public' } satisfies Access);
/** Any signed-in person; finer rules (course membership, ownership) live in the capability's policy. */
export const SignedIn = () => SetMetadata(ACCESS_METADATA, { kind: 'signed-in' } satisfies Access);
/** Signed-in people holding at least one of these platform roles. */
export const RequireRoles = (...roles: Role[]) => SetMetadata(ACCESS_METADATA, { kind: 'roles', roles } satisfies Access);

export const OWN_ACCOUNT_METADATA = 'kapwa:own-account';
/**
 * Self-service on the viewer's own account (profile, sign-in settings). Staff who must set up two-step
 * sign-in may still do these; every other mutation and role-gated operation waits until they have.
 */
export const OwnAccount = () => SetMetadata(OWN_ACCOUNT_METADATA, true);

export interface ViewerRequest extends Request {
  viewer?: User | null;
}

/**
 * What GraphQL hands every resolver as its third argument (platform/schema/graphql.module.ts). A field
 * resolved once per item of a long list (each lesson of an outline) takes GraphQL's own arguments
 * `(parent, args, context)` instead of @Parent() and @Context(): with no parameter decorators Nest calls
 * it as it is, without running the pipes it runs for each decorated parameter on every call.
 */
export interface GraphQLContext {
  req: ViewerRequest;
}

export function requestOf(context: ExecutionContext): ViewerRequest {
  if (context.getType<string>() === 'graphql') return GqlExecutionContext.create(context).getContext().req;
  return context.switchToHttp().getRequest();
}

/** The signed-in person making the request, or null. */
export const Viewer = createParamDecorator((_: unknown, context: ExecutionContext) => requestOf(context).viewer ?? null);

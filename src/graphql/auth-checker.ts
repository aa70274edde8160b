// Who is calling and with which role — never legitimacy rules (those are the domain's).
import type { AuthCheckerInterface, ResolverData } from 'type-graphql';
import { ForbiddenError, UnauthenticatedError } from '../domain';
import { roleAtLeast } from '../auth/tokens';
import { ROLES, type Role } from '../entities';
import type { Context } from './context';

/**
 * `@Authorized('VIEWER' | 'EDITOR' | 'ADMIN')` on root fields. Anonymous callers may read when the server
 * runs with public reads; everything else needs a token of at least the named role.
 */
export class AuthChecker implements AuthCheckerInterface<Context> {
  check({ context }: ResolverData<Context>, roles: string[]): boolean {
    const required: Role = roles.length === 0 ? 'VIEWER' : (roles[0] as Role);
    if (!ROLES.includes(required)) throw new Error(`@Authorized names an unknown role ${required}`);
    if (context.viewer === null) {
      if (required === 'VIEWER' && context.publicReads) return true;
      throw new UnauthenticatedError('需要登录令牌 (a bearer token is required)', { requiredRole: required });
    }
    if (!roleAtLeast(context.viewer.role, required)) {
      throw new ForbiddenError(`需要 ${required} 权限 (this needs the ${required} role)`, { requiredRole: required, role: context.viewer.role });
    }
    return true;
  }
}

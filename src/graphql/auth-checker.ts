// Who is calling and with which role — never legitimacy rules (those are the domain's).
import type { AuthCheckerInterface, ResolverData } from 'type-graphql';
import { ForbiddenError, UnauthenticatedError } from '../domain';
import { roleAtLeast } from '../auth/tokens';
import { ROLES, type Role } from '../entities';
import type { Context } from './context';

/** Listed after the role (`@Authorized('EDITOR', SCOPED)`): tokens scoped to a leader or a unit may call it too. */
export const SCOPED = 'SCOPED';

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
    // A scoped token (acts as one leader or for one unit) may write only where the resolver says it handles scopes.
    if (required !== 'VIEWER' && context.viewer.scope != null && !roles.includes(SCOPED)) {
      throw new ForbiddenError('限定范围的令牌只能办理重点工作和交办事项 (a scoped token may only act on key work and directives)', {
        requiredRole: required, scope: context.viewer.scope.kind,
      });
    }
    if (!roleAtLeast(context.viewer.role, required)) {
      throw new ForbiddenError(`需要 ${required} 权限 (this needs the ${required} role)`, { requiredRole: required, role: context.viewer.role });
    }
    return true;
  }
}

// The exchange formats through GraphQL: a government's directory as Popolo JSON.
import { Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { JSONResolver } from 'graphql-scalars';
import type { Context } from '../../graphql/context';
import { datasetFromFacts, withoutContacts } from '../../io/exporter';
import { roleAtLeast } from '../../auth/tokens';
import { toPopolo } from '../../io/popolo';
import { DirectoryService } from '../directory/directory.service';
import { JurisdictionArgs } from '../directory/directory.inputs';

@Authorized('VIEWER')
@Resolver()
export class ExchangeResolver {
  @Query(() => JSONResolver, {
    description: 'A government’s whole directory, history included, as Popolo JSON with the fengong: extension (see docs/popolo-extension.md). The same document as GET /export/{jurisdictionId}/popolo.json. Heads’ contact details only for EDITOR and above.',
  })
  async popolo(@Args(() => JurisdictionArgs) { jurisdictionId }: JurisdictionArgs, @Ctx() ctx: Context): Promise<unknown> {
    const data = datasetFromFacts(await new DirectoryService(ctx).facts(jurisdictionId));
    // Heads' contact details go to EDITOR and above only, as everywhere else.
    return toPopolo(ctx.viewer !== null && roleAtLeast(ctx.viewer.role, 'EDITOR') ? data : withoutContacts(data));
  }
}

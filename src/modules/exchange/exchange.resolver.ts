// The exchange formats through GraphQL: a government's directory as Popolo JSON, and its division as the notice.
import { Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { JSONResolver } from 'graphql-scalars';
import type { Context } from '../../graphql/context';
import { composeNotice, noticeText } from '../../io/notice-writer';
import { NoticeArgs, NoticeNode } from './exchange.types';
import { datasetFromFacts, parentReferences, withoutContacts } from '../../io/exporter';
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
    // Its parent by reference only, so that the document imports where the parent is missing.
    return toPopolo(ctx.viewer !== null && roleAtLeast(ctx.viewer.role, 'EDITOR') ? data : withoutContacts(data), await parentReferences(ctx.em, data));
  }

  @Query(() => NoticeNode, {
    description:
      'The division on a date as the official notice (关于…领导班子成员工作分工的通知), or with changesetId the adjustment notice stating only what that changeset changed. The same text as GET /export/{jurisdictionId}/notice.txt. A notice names no contacts; it is read like every export.',
  })
  async notice(@Args(() => NoticeArgs) { jurisdictionId, asOf, changesetId }: NoticeArgs, @Ctx() ctx: Context): Promise<NoticeNode> {
    const facts = await new DirectoryService(ctx).facts(jurisdictionId);
    const doc = await composeNotice(ctx.em, { jurisdictionId, asOf: asOf ?? ctx.today, changesetId: changesetId ?? null }, facts);
    return NoticeNode.of(doc, noticeText(doc), changesetId ?? null);
  }
}

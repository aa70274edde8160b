// The exchange formats through GraphQL: a government's directory as Popolo JSON, and its division as the notice.
import { Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { JSONResolver } from 'graphql-scalars';
import type { Context } from '../../graphql/context';
import { noticeText } from '../../io/notice-writer';
import { NoticeArgs, NoticeNode } from './exchange.types';
import { ExchangeService } from './exchange.service';
import { JurisdictionArgs } from '../directory/directory.inputs';

@Authorized('VIEWER')
@Resolver()
export class ExchangeResolver {
  @Query(() => JSONResolver, {
    description: 'A government’s whole directory, history included, as Popolo JSON with the fengong: extension (see docs/popolo-extension.md). The same document as GET /export/{jurisdictionId}/popolo.json. Heads’ contact details only for EDITOR and above.',
  })
  async popolo(@Args(() => JurisdictionArgs) { jurisdictionId }: JurisdictionArgs, @Ctx() ctx: Context): Promise<unknown> {
    return new ExchangeService(ctx).popolo(jurisdictionId);
  }

  @Query(() => NoticeNode, {
    description:
      'The division on a date as the official notice (关于…领导班子成员工作分工的通知), or with changesetId the adjustment notice stating only what that changeset changed. The same text as GET /export/{jurisdictionId}/notice.txt. A notice names no contacts; it is read like every export.',
  })
  async notice(@Args(() => NoticeArgs) { jurisdictionId, asOf, changesetId }: NoticeArgs, @Ctx() ctx: Context): Promise<NoticeNode> {
    const doc = await new ExchangeService(ctx).notice({ jurisdictionId, asOf: asOf ?? ctx.today, changesetId: changesetId ?? null });
    return NoticeNode.of(doc, noticeText(doc), changesetId ?? null);
  }
}

// Thin resolvers of the team's life cycle: inputs → LifeCycleService → nodes.
import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { leadershipTeam, NotFoundError } from '../../domain';
import type { Context } from '../../graphql/context';
import { DirectoryService } from '../directory/directory.service';
import { Presenter } from '../directory/directory.present';
import { LeaderNode } from '../directory/directory.types';
import { toChangeItem } from './changes.inputs';
import { AppointLeaderInput, EndAppointmentInput, SetTeamOrderInput } from './life-cycle.inputs';
import { LifeCycleService } from './life-cycle.service';

async function leaderNode(ctx: Context, jurisdictionId: string, leaderId: string, asOf: string): Promise<LeaderNode> {
  const facts = await new DirectoryService(ctx).facts(jurisdictionId);
  if (!facts.leaders.some((l) => l.id === leaderId)) throw new NotFoundError('Leader', leaderId);
  return new Presenter(facts, asOf).leader(leaderId);
}

@Resolver()
export class LifeCycleResolver {
  @Authorized('EDITOR')
  @Mutation(() => LeaderNode, {
    description: '任命: appoints a new person (name) or a recorded leader (leaderId) to a post from validFrom, citing the 任免 document of the people’s congress or party committee. Confirming an acting holder (代区长 → 区长) ends the acting appointment that day; history shows both. EDITOR.',
  })
  async appointLeader(@Arg('input', () => AppointLeaderInput) input: AppointLeaderInput, @Ctx() ctx: Context): Promise<LeaderNode> {
    const { leaderId } = await new LifeCycleService(ctx).appointLeader(
      input.jurisdictionId,
      {
        leaderId: input.leaderId ?? null, name: input.name ?? null, postKind: input.postKind, title: input.title, acting: input.acting,
        validFrom: input.validFrom, document: input.document,
      },
      input.expectedVersion,
    );
    return leaderNode(ctx, input.jurisdictionId, leaderId, input.validFrom);
  }

  @Authorized('EDITOR')
  @Mutation(() => LeaderNode, {
    description: '免职: ends an appointment on validTo, citing its 任免 document. Refused (LINES_STILL_HELD) while a leader who leaves the team would keep lines or AB pairs after that date, unless lineChanges ends or moves them in the same atomic change. EDITOR.',
  })
  async endAppointment(@Arg('input', () => EndAppointmentInput) input: EndAppointmentInput, @Ctx() ctx: Context): Promise<LeaderNode> {
    const changes = input.lineChanges;
    const { leaderId, jurisdictionId } = await new LifeCycleService(ctx).endAppointment(
      { appointmentId: input.appointmentId, validTo: input.validTo, document: input.document },
      changes === undefined
        ? null
        : {
            document: changes.document ?? null, decisionId: changes.decisionId ?? null, issuedById: changes.issuedById ?? null,
            items: changes.items.map((item, i) => toChangeItem(item, i)),
          },
      input.expectedVersion,
    );
    return leaderNode(ctx, jurisdictionId, leaderId, input.validTo);
  }

  @Authorized('EDITOR')
  @Mutation(() => [LeaderNode], { description: '排序: sets the team’s protocol order from validFrom; returns the team in its new order on that date. EDITOR.' })
  async setTeamOrder(@Arg('input', () => SetTeamOrderInput) input: SetTeamOrderInput, @Ctx() ctx: Context): Promise<LeaderNode[]> {
    await new LifeCycleService(ctx).setTeamOrder(input.jurisdictionId, input.validFrom, input.leaderIds, input.expectedVersion);
    const facts = await new DirectoryService(ctx).facts(input.jurisdictionId);
    const present = new Presenter(facts, input.validFrom);
    return leadershipTeam(facts, input.validFrom).map((m) => present.leader(m.leader.id));
  }
}

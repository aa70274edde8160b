// Thin resolvers of the units' life cycle (机构改革) and of their lineage: inputs → service → nodes.
import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { type DepartmentKind, type NewUnit } from '../../domain';
import type { Context } from '../../graphql/context';
import { newId } from '../audit';
import { DirectoryService } from '../directory/directory.service';
import { Presenter } from '../directory/directory.present';
import { DepartmentNode } from '../directory/directory.types';
import {
  AbolishDepartmentInput,
  CreateDepartmentInput,
  MergeDepartmentsInput,
  NewDepartmentInput,
  RenameDepartmentInput,
  SplitDepartmentInput,
} from './department-life-cycle.inputs';
import { DepartmentLifeCycleService } from './department-life-cycle.service';
import { BadInputError } from '../../domain';

function newUnit(input: NewDepartmentInput, on: string): NewUnit {
  return { id: input.id ?? newId('dept', on), name: input.name, kind: input.kind as DepartmentKind, aliases: input.aliases };
}

async function nodes(ctx: Context, jurisdictionId: string, ids: readonly string[], asOf: string): Promise<DepartmentNode[]> {
  const present = new Presenter(await new DirectoryService(ctx).facts(jurisdictionId), asOf);
  return ids.map((id) => present.department(id));
}

@Resolver()
export class DepartmentLifeCycleResolver {
  @Authorized('EDITOR')
  @Mutation(() => DepartmentNode, { description: '机构改革: creates a unit from `on`, citing its document. A new government unit has no supervising leader until a changeset assigns one (coverage shows the gap). EDITOR.' })
  async createDepartment(@Arg('input', () => CreateDepartmentInput) input: CreateDepartmentInput, @Ctx() ctx: Context): Promise<DepartmentNode> {
    const plan = await new DepartmentLifeCycleService(ctx).apply(input.jurisdictionId, {
      op: 'CREATE', unit: newUnit(input.department, input.on), on: input.on, document: input.document,
    }, input.expectedVersion);
    return (await nodes(ctx, input.jurisdictionId, plan.creates.map((d) => d.id), input.on))[0];
  }

  @Authorized('EDITOR')
  @Mutation(() => DepartmentNode, { description: '机构改革: renames a unit; its id and history stay, the old name becomes an alias and a RENAME lineage step is recorded. EDITOR.' })
  async renameDepartment(@Arg('input', () => RenameDepartmentInput) input: RenameDepartmentInput, @Ctx() ctx: Context): Promise<DepartmentNode> {
    const service = new DepartmentLifeCycleService(ctx);
    const jurisdictionId = await service.jurisdictionOf(input.departmentId);
    await service.apply(jurisdictionId, { op: 'RENAME', departmentId: input.departmentId, name: input.name, on: input.on, document: input.document }, input.expectedVersion);
    return (await nodes(ctx, jurisdictionId, [input.departmentId], input.on))[0];
  }

  @Authorized('EDITOR')
  @Mutation(() => DepartmentNode, { description: '机构改革: merges units into a new one (into) or an existing one (intoDepartmentId, 并入) from `on`; their lines move with their leaders in the same atomic change. Returns the successor. EDITOR.' })
  async mergeDepartments(@Arg('input', () => MergeDepartmentsInput) input: MergeDepartmentsInput, @Ctx() ctx: Context): Promise<DepartmentNode> {
    if ((input.into === undefined) === (input.intoDepartmentId === undefined)) {
      throw new BadInputError('须给出 into（新设部门）或 intoDepartmentId（并入的部门）之一 (give exactly one of into, intoDepartmentId)', { field: 'into' });
    }
    const service = new DepartmentLifeCycleService(ctx);
    const jurisdictionId = await service.jurisdictionOf(input.departmentIds[0]);
    const into = input.into === undefined ? { existingId: input.intoDepartmentId as string } : newUnit(input.into, input.on);
    await service.apply(jurisdictionId, { op: 'MERGE', departmentIds: input.departmentIds, into, on: input.on, document: input.document }, input.expectedVersion);
    return (await nodes(ctx, jurisdictionId, ['existingId' in into ? into.existingId : into.id], input.on))[0];
  }

  @Authorized('EDITOR')
  @Mutation(() => [DepartmentNode], { description: '机构改革: splits a unit into new ones from `on`; its lines are copied to each with the same leader in the same atomic change. Returns the successors. EDITOR.' })
  async splitDepartment(@Arg('input', () => SplitDepartmentInput) input: SplitDepartmentInput, @Ctx() ctx: Context): Promise<DepartmentNode[]> {
    const service = new DepartmentLifeCycleService(ctx);
    const jurisdictionId = await service.jurisdictionOf(input.departmentId);
    const into = input.into.map((u) => newUnit(u, input.on));
    await service.apply(jurisdictionId, { op: 'SPLIT', departmentId: input.departmentId, into, on: input.on, document: input.document }, input.expectedVersion);
    return nodes(ctx, jurisdictionId, into.map((u) => u.id), input.on);
  }

  @Authorized('EDITOR')
  @Mutation(() => DepartmentNode, { description: '机构改革: abolishes a unit from `on`; its lines end, or move to transferToId when its work is transferred, in the same atomic change. Returns the abolished unit. EDITOR.' })
  async abolishDepartment(@Arg('input', () => AbolishDepartmentInput) input: AbolishDepartmentInput, @Ctx() ctx: Context): Promise<DepartmentNode> {
    const service = new DepartmentLifeCycleService(ctx);
    const jurisdictionId = await service.jurisdictionOf(input.departmentId);
    await service.apply(jurisdictionId, {
      op: 'ABOLISH', departmentId: input.departmentId, transferToId: input.transferToId ?? null, on: input.on, document: input.document,
    }, input.expectedVersion);
    return (await nodes(ctx, jurisdictionId, [input.departmentId], input.on))[0];
  }
}

@Resolver(() => DepartmentNode)
export class DepartmentLineageResolver {
  @FieldResolver(() => [DepartmentNode], { description: 'The units this one continues (merged or split into it, or whose work passed to it), oldest first.' })
  async predecessors(@Root() node: DepartmentNode, @Ctx() ctx: Context): Promise<DepartmentNode[]> {
    return nodes(ctx, node.jurisdictionId, (await new DepartmentLifeCycleService(ctx).lineage(node.jurisdictionId, node.id)).predecessorIds, node.asOf);
  }

  @FieldResolver(() => [DepartmentNode], { description: 'The units that continue this one (it was merged or split into them, or its work passed to them), oldest first.' })
  async successors(@Root() node: DepartmentNode, @Ctx() ctx: Context): Promise<DepartmentNode[]> {
    return nodes(ctx, node.jurisdictionId, (await new DepartmentLifeCycleService(ctx).lineage(node.jurisdictionId, node.id)).successorIds, node.asOf);
  }
}

import { Entity, Enum, Index, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { TASK_UNIT_ROLES, type TaskUnitRole } from '../domain/accountability';

/** A unit of a key task: 牵头单位 (LEAD, exactly one), 责任单位, 配合单位. The key makes a unit listed twice impossible. */
@Entity()
@Index({ name: 'key_task_unit_jurisdiction_index', properties: ['jurisdictionId'] })
@Index({ name: 'key_task_unit_department_role_index', properties: ['departmentId', 'role'] })
export class KeyTaskUnit {
  [PrimaryKeyProp]?: ['taskId', 'departmentId'];

  @PrimaryKey({ type: 'string', length: 100 })
  taskId!: string;

  @PrimaryKey({ type: 'string', length: 100 })
  departmentId!: string;

  @Property({ type: 'string', length: 100 })
  jurisdictionId!: string;

  @Enum({ items: () => [...TASK_UNIT_ROLES] })
  role!: TaskUnitRole;

  @Property({ type: 'integer' })
  position!: number;
}

// Persistence helper: the validity interval every changeable relation carries (docs/rules.md R12: nothing is overwritten).
import { Property } from '@mikro-orm/core';

/**
 * Dates are stored as ISO 'YYYY-MM-DD' text: they compare correctly as strings on every driver and
 * never shift with a server's time zone, which a DATE/TIMESTAMP column round-tripped through JS Date can.
 */
export abstract class ValidityInterval {
  @Property({ type: 'string', length: 10 })
  validFrom!: string;

  @Property({ type: 'string', length: 10, nullable: true })
  validTo: string | null = null;
}

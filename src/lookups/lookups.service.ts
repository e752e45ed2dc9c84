import { Injectable, OnModuleInit } from '@nestjs/common';
import { LookupsRepository, LookupTables } from './lookups.repository';

export type LookupKind = 'event_type' | 'game_type' | 'device_type' | 'operator';

/**
 * The lookup tables, read once at start: they change only through migrations, which run before
 * the application serves. Other modules validate codes with `isKnownCode`.
 */
@Injectable()
export class LookupsService implements OnModuleInit {
  private tables: LookupTables;
  private codes: Record<LookupKind, ReadonlySet<string>>;

  constructor(private readonly repository: LookupsRepository) {}

  async onModuleInit(): Promise<void> {
    this.tables = await this.repository.loadAll();
    const codeSet = (rows: { code: string }[]) => new Set(rows.map((row) => row.code));
    this.codes = {
      event_type: codeSet(this.tables.eventTypes),
      game_type: codeSet(this.tables.gameTypes),
      device_type: codeSet(this.tables.deviceTypes),
      operator: codeSet(this.tables.operators),
    };
  }

  all(): LookupTables {
    return this.tables;
  }

  isKnownCode(kind: LookupKind, code: string): boolean {
    return this.codes[kind].has(code);
  }

  /** A payment operator's country (ISO alpha-3); null when it has none or is unknown. */
  operatorCountry(code: string): string | null {
    return this.tables.operators.find((operator) => operator.code === code)?.country ?? null;
  }

  codesOf(kind: LookupKind): string[] {
    return [...this.codes[kind]];
  }
}

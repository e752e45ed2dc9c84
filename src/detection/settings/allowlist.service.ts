import { Injectable } from '@nestjs/common';
import {
  RequestValidationError,
  ResourceNotFoundError,
  type FieldIssue,
} from '../../common/errors/app-error';
import { issue, parsePage, unknownParameters } from '../../monitor-api/request-checks';
import {
  hasControlCharacters,
  hasSurroundingSpaces,
  isLongerThan,
  isWellFormed,
} from '../../common/text/well-formed';
import { MicroTime } from '../../common/time/micro-time';
import { SqlDatabase } from '../../database/sql-database';
import { isoOf } from '../alerts/alert.view';
import { IDENTIFIER_KINDS, type IdentifierKind } from '../engine/detection-event';
import { canonicalIdentifier, isIpValue } from '../../common/identifiers/canonical-identifier';
import { IdentifiersRepository, type Identifier } from '../state/identifiers.repository';

/** The fields of an allowlist entry a client sends. */
const FIELDS = ['kind', 'value', 'note'];

const view = (e: { kind: string; value: string; note: string | null; createdAt: string }) => ({
  kind: e.kind,
  value: e.value,
  note: e.note,
  created_at: isoOf(e.createdAt),
});

/**
 * Identifiers a team shares honestly (a shop's IP, a test phone): SHARED_IDENTIFIER skips them
 * and they link no players in risk scores. Applies to events processed after the change; who
 * keeps something derived from the links (the stored risk scores) listens (`onChange`).
 */
@Injectable()
export class AllowlistService {
  private readonly listeners: ((teamId: number, identifier: Identifier) => void)[] = [];

  constructor(
    private readonly database: SqlDatabase,
    private readonly identifiers: IdentifiersRepository,
  ) {}

  /** `listener` hears of each identifier added to or removed from a team's allowlist. */
  onChange(listener: (teamId: number, identifier: Identifier) => void): void {
    this.listeners.push(listener);
  }

  private changed(teamId: number, identifier: Identifier): void {
    for (const listener of this.listeners) listener(teamId, identifier);
  }

  async list(teamId: number, query: Record<string, unknown>) {
    const issues: FieldIssue[] = [];
    unknownParameters(query, ['page', 'size'], issues);
    const { page, size } = parsePage(query, issues);
    if (issues.length > 0) throw new RequestValidationError(issues);
    const { items, total } = await this.identifiers.allowlistPage(
      this.database,
      teamId,
      (page - 1) * size,
      size,
    );
    return { items: items.map(view), total, page, page_size: size };
  }

  /** Adds an identifier; answers it, and whether it was new. */
  async add(teamId: number, body: unknown) {
    const entry = this.validate(body);
    const created = await this.database.transaction((session) =>
      this.identifiers.allow(session, { teamId, ...entry, now: MicroTime.now().toDatabaseText() }),
    );
    if (created) this.changed(teamId, { kind: entry.kind, value: entry.value });
    const stored = await this.identifiers.findAllowed(
      this.database,
      teamId,
      entry.kind,
      entry.value,
    );
    return { created, entry: view(stored!) };
  }

  async remove(teamId: number, kind: string, value: string): Promise<void> {
    // No stored value has surrounding spaces; MySQL would ignore trailing ones when comparing.
    const known = IDENTIFIER_KINDS.includes(kind as IdentifierKind) && !hasSurroundingSpaces(value);
    const canonical = known ? canonicalIdentifier(kind as IdentifierKind, value) : value;
    const removed =
      known &&
      (await this.database.transaction((session) =>
        this.identifiers.disallow(session, teamId, kind, canonical),
      ));
    if (!removed) throw new ResourceNotFoundError('Allowlisted identifier', `${kind}:${value}`);
    this.changed(teamId, { kind, value: canonical });
  }

  private validate(body: unknown): { kind: IdentifierKind; value: string; note: string | null } {
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      throw new RequestValidationError([issue('body', 'bodyObject')]);
    }
    const fields = body as Record<string, unknown>;
    const issues: FieldIssue[] = [];
    for (const key of Object.keys(fields)) {
      if (!FIELDS.includes(key)) issues.push(issue(key, 'unknownField', { choices: FIELDS }));
    }
    if (!IDENTIFIER_KINDS.includes(fields.kind as IdentifierKind)) {
      issues.push(issue('kind', 'oneOf', { choices: IDENTIFIER_KINDS }));
    }
    const text = (name: string, max: number, required: boolean) => {
      const value = fields[name];
      if (value === undefined || value === null) {
        if (required) issues.push(issue(name, 'required'));
        return;
      }
      if (
        typeof value !== 'string' ||
        value.trim() === '' ||
        (name === 'value' && hasSurroundingSpaces(value)) ||
        isLongerThan(value, max) ||
        hasControlCharacters(value) ||
        !isWellFormed(value)
      ) {
        issues.push(issue(name, name === 'value' ? 'trimmedText' : 'plainText', { max }));
      }
    };
    text('value', 100, true);
    text('note', 200, false);
    if (fields.kind === 'ip' && typeof fields.value === 'string' && !isIpValue(fields.value)) {
      issues.push(issue('value', 'ipOfKind'));
    }
    if (issues.length > 0) throw new RequestValidationError(issues);
    const kind = fields.kind as IdentifierKind;
    return {
      kind,
      value: canonicalIdentifier(kind, fields.value as string),
      note: (fields.note as string | undefined) ?? null,
    };
  }
}

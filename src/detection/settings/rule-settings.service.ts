import { isDeepStrictEqual } from 'node:util';
import { Injectable } from '@nestjs/common';
import {
  RequestValidationError,
  ResourceNotFoundError,
  type FieldIssue,
} from '../../common/errors/app-error';
import { issue, parsePage, unknownParameters } from '../../monitor-api/request-checks';
import { MicroTime } from '../../common/time/micro-time';
import { SqlDatabase, type SqlSession } from '../../database/sql-database';
import { isUniqueViolation } from '../../database/database-errors';
import { parameterSpecsOf, type EffectiveRule } from '../engine/evaluate';
import {
  effectiveParameters,
  patchParameters,
  withoutDefaults,
  type ParameterOverrides,
} from '../engine/parameters';
import type { Rule } from '../engine/rule';
import { RULE_MODES, SEVERITIES, type RuleMode, type Severity } from '../engine/rule-settings';
import { RULE_PACK } from '../rules/rule-pack';
import {
  RuleSettingsRepository,
  type StoredSetting,
  type StoredVersion,
} from './rule-settings.repository';

/** Who changed a rule: an API key, or (later) a dashboard user. */
export interface RuleAuthor {
  kind: 'key' | 'user';
  id: string;
}

/** A rule as a team runs it, with what the team changed. */
export interface TeamRule extends EffectiveRule {
  overrides: ParameterOverrides;
  /** When the current version was made; null for the pack's defaults (version 1). */
  updatedAt: string | null;
}

export interface RuleVersion {
  version: number;
  mode: RuleMode;
  severity: Severity;
  overrides: ParameterOverrides;
  author: RuleAuthor | null;
  createdAt: string | null;
}

/** Shadow hits shown on a rule: the latest. */
const LATEST_SHADOW_HITS = 20;
/** What a PUT may change. */
const FIELDS = ['mode', 'severity', 'parameters'];

/**
 * The team's settings of each rule of the pack: mode, severity and parameters, versioned. With
 * no change, a rule runs its pack defaults as version 1; each `PUT` makes the next version.
 */
@Injectable()
export class RuleSettingsService {
  constructor(
    private readonly database: SqlDatabase,
    private readonly settings: RuleSettingsRepository,
  ) {}

  ruleOf(code: string): Rule {
    const rule = RULE_PACK.find((r) => r.code === code);
    if (!rule) throw new ResourceNotFoundError('Rule', code);
    return rule;
  }

  /** Every team's rules as they run now, read in the worker's transaction. */
  async effectiveRules(
    session: SqlSession,
    teamIds: readonly number[],
  ): Promise<Map<number, TeamRule[]>> {
    const stored = await this.settings.currentFor(session, teamIds);
    return new Map(
      teamIds.map((teamId) => [
        teamId,
        RULE_PACK.map((rule) =>
          this.teamRule(
            rule,
            stored.find((s) => s.teamId === teamId && s.ruleCode === rule.code),
          ),
        ),
      ]),
    );
  }

  async rulesOf(teamId: number): Promise<TeamRule[]> {
    return (await this.database.transaction((s) => this.effectiveRules(s, [teamId]))).get(teamId)!;
  }

  async ruleFor(teamId: number, code: string): Promise<TeamRule> {
    const rule = this.ruleOf(code);
    return (await this.rulesOf(teamId)).find((r) => r.rule === rule)!;
  }

  /** What a rule found lately: hits per day and mode (30 days), and the latest shadow hits. */
  async activityOf(teamId: number, code: string) {
    const rule = this.ruleOf(code);
    const since = new Date(Date.now() - 29 * 86_400_000).toISOString().slice(0, 10);
    const [days, shadow] = await Promise.all([
      this.settings.hitsByDay(teamId, code, since),
      this.settings.latestShadowHits(teamId, code, LATEST_SHADOW_HITS),
    ]);
    const byDay = new Map<string, { day: string; on: number; shadow: number }>();
    for (const { day, mode, hits } of days) {
      const entry = byDay.get(day) ?? { day, on: 0, shadow: 0 };
      if (mode === 'on' || mode === 'shadow') entry[mode] += hits;
      byDay.set(day, entry);
    }
    return { rule, hitsByDay: [...byDay.values()], shadowHits: shadow };
  }

  /** A page of the rule's versions, newest first (`page`, `size`: the monitor's paging). */
  async versionsPage(teamId: number, code: string, query: Record<string, unknown>) {
    const issues: FieldIssue[] = [];
    unknownParameters(query, ['page', 'size'], issues);
    const { page, size } = parsePage(query, issues);
    if (issues.length > 0) throw new RequestValidationError(issues);
    const versions = await this.versionsOf(teamId, code);
    const items = versions.slice((page - 1) * size, page * size);
    return { items, total: versions.length, page, size };
  }

  async versionsOf(teamId: number, code: string): Promise<RuleVersion[]> {
    const rule = this.ruleOf(code);
    const stored = await this.settings.versions(teamId, code);
    return [
      ...stored.map((v) => this.versionOf(v)),
      {
        version: 1,
        mode: rule.defaultMode ?? 'on',
        severity: rule.severity,
        overrides: {},
        author: null,
        createdAt: null,
      },
    ];
  }

  /**
   * Applies `PUT /rules/:code`: `mode`, `severity` and `parameters` (a JSON merge patch), any
   * subset. Makes the next version; events processed after it commit run it.
   */
  async update(teamId: number, code: string, body: unknown, author: RuleAuthor): Promise<TeamRule> {
    const rule = this.ruleOf(code);
    const change = this.validate(body, rule);
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.database.transaction(async (session) => {
          const current = await this.settings.lockCurrent(session, teamId, code);
          const before = this.teamRule(rule, current ?? undefined);
          const specs = parameterSpecsOf(rule);
          const patched =
            change.parameters === undefined
              ? { overrides: before.overrides }
              : patchParameters(specs, before.overrides, change.parameters);
          if ('issues' in patched) {
            throw new RequestValidationError(
              patched.issues.map((i) => issue(i.field, i.kind, i.params)),
            );
          }
          // Parameters sent are kept only where they differ from the defaults: a default restated
          // changes nothing, and `null` on a value that became the default makes the rule follow it.
          const overrides =
            change.parameters === undefined
              ? before.overrides
              : withoutDefaults(specs, patched.overrides);
          const mode = change.mode ?? before.mode;
          const severity = change.severity ?? before.severity;
          // A change that changes nothing is no new version.
          if (
            mode === before.mode &&
            severity === before.severity &&
            isDeepStrictEqual(overrides, before.overrides)
          ) {
            return before;
          }
          const version: StoredVersion = {
            teamId,
            ruleCode: code,
            version: before.version + 1,
            mode,
            severity,
            parameters: JSON.stringify(overrides),
            authorKind: author.kind,
            authorId: author.id,
            createdAt: MicroTime.now().toDatabaseText(),
          };
          await this.settings.saveVersion(session, version, current === null);
          return this.teamRule(rule, version, version.createdAt);
        });
      } catch (error) {
        // Two first changes of one rule at once: the second finds the first's row next time.
        if (attempt < 2 && isUniqueViolation(error)) continue;
        throw error;
      }
    }
  }

  /** Every problem of the body at once: its fields, and each parameter (values stand alone). */
  private validate(
    body: unknown,
    rule: Rule,
  ): { mode?: RuleMode; severity?: Severity; parameters?: unknown } {
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      throw new RequestValidationError([issue('body', 'bodyObject')]);
    }
    const issues: FieldIssue[] = [];
    const fields = body as Record<string, unknown>;
    for (const key of Object.keys(fields)) {
      if (!FIELDS.includes(key)) {
        issues.push(issue(key, 'unknownField', { choices: FIELDS }));
      }
    }
    if (Object.keys(fields).length === 0) {
      issues.push(issue('body', 'sendOneOf', { choices: FIELDS }));
    }
    if ('mode' in fields && !RULE_MODES.includes(fields.mode as RuleMode)) {
      issues.push(issue('mode', 'oneOf', { choices: RULE_MODES }));
    }
    if ('severity' in fields && !SEVERITIES.includes(fields.severity as Severity)) {
      issues.push(issue('severity', 'oneOf', { choices: SEVERITIES }));
    }
    if ('parameters' in fields) {
      const patched = patchParameters(parameterSpecsOf(rule), {}, fields.parameters);
      if ('issues' in patched) {
        issues.push(...patched.issues.map((i) => issue(i.field, i.kind, i.params)));
      }
    }
    if (issues.length > 0) throw new RequestValidationError(issues);
    return fields as { mode?: RuleMode; severity?: Severity; parameters?: unknown };
  }

  private teamRule(rule: Rule, stored?: StoredSetting, updatedAt: string | null = null): TeamRule {
    const overrides = stored ? (JSON.parse(stored.parameters) as ParameterOverrides) : {};
    return {
      rule,
      version: stored?.version ?? 1,
      mode: (stored?.mode as RuleMode | undefined) ?? rule.defaultMode ?? 'on',
      severity: (stored?.severity as Severity | undefined) ?? rule.severity,
      parameters: effectiveParameters(parameterSpecsOf(rule), overrides),
      overrides,
      updatedAt: stored ? (updatedAt ?? stored.updatedAt ?? null) : null,
    };
  }

  private versionOf(v: StoredVersion): RuleVersion {
    return {
      version: v.version,
      mode: v.mode as RuleMode,
      severity: v.severity as Severity,
      overrides: JSON.parse(v.parameters) as ParameterOverrides,
      author: { kind: v.authorKind as RuleAuthor['kind'], id: v.authorId },
      createdAt: v.createdAt,
    };
  }
}

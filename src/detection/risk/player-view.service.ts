import { Injectable } from '@nestjs/common';
import { ResourceNotFoundError } from '../../common/errors/app-error';
import type { TextLanguage } from '../../common/i18n/language';
import { normalizeCpf } from '../../common/br/cpf';
import { MicroTime } from '../../common/time/micro-time';
import { SqlDatabase } from '../../database/sql-database';
import { PlayersService, type PlayerProfile } from '../../players/players.service';
import { alertSummary, isoOf } from '../alerts/alert.view';
import { AlertsRepository } from '../alerts/alerts.repository';
import { MICROS } from '../engine/player-state';
import { RuleSettingsService } from '../settings/rule-settings.service';
import { IdentifiersRepository } from '../state/identifiers.repository';
import { PlayerTotalsRepository, type WindowTotals } from '../state/player-totals.repository';
import { PlayerRiskRepository } from './player-risk.repository';
import { PlayerRiskService } from './player-risk.service';
import { describeFactor, RISK_LEVELS, type RiskLevel, type RiskScore } from './risk-score';
import { issue, parsePage, unknownParameters } from '../../monitor-api/request-checks';
import { RequestValidationError, type FieldIssue } from '../../common/errors/app-error';

const WINDOWS = { '24h': 24 * MICROS.HOUR, '7d': 7 * MICROS.DAY, '30d': 30 * MICROS.DAY } as const;
const LINKED_SHOWN = 50;

/** Players as compliance reads them: profile, counters, open alerts, links and explained risk. */
/** The query parameters `GET /players` takes (Swagger declares the same, a test checks). */
export const PLAYER_LIST_PARAMETERS = ['level', 'min_score', 'page', 'size'];

@Injectable()
export class PlayerViewService {
  constructor(
    private readonly database: SqlDatabase,
    private readonly players: PlayersService,
    private readonly totals: PlayerTotalsRepository,
    private readonly alerts: AlertsRepository,
    private readonly identifiers: IdentifiersRepository,
    private readonly risk: PlayerRiskService,
    private readonly risks: PlayerRiskRepository,
    private readonly settings: RuleSettingsService,
  ) {}

  async byExternalId(teamId: number, externalId: string, language: TextLanguage) {
    const profile = await this.players.profileOf(teamId, { externalId });
    if (!profile) throw new ResourceNotFoundError('Player', externalId);
    return this.view(teamId, profile, language);
  }

  async byCpf(teamId: number, cpf: string, language: TextLanguage) {
    const digits = normalizeCpf(cpf);
    if (!digits) {
      throw new RequestValidationError([issue('cpf', 'cpf')]);
    }
    const profile = await this.players.profileOf(teamId, { cpf: digits });
    if (!profile) throw new ResourceNotFoundError('Player', cpf);
    return this.view(teamId, profile, language);
  }

  /** The team's players by stored risk, highest first (`level`, `min_score`, `page`, `size`). */
  async list(teamId: number, query: Record<string, unknown>) {
    const issues: FieldIssue[] = [];
    unknownParameters(query, PLAYER_LIST_PARAMETERS, issues);
    const level = query.level as string | undefined;
    if (level !== undefined && !RISK_LEVELS.includes(level as RiskLevel)) {
      issues.push(issue('level', 'either', { choices: RISK_LEVELS }));
    }
    const rawMin = query.min_score;
    const minScore = rawMin === undefined ? undefined : Number(rawMin);
    if (
      rawMin !== undefined &&
      (typeof rawMin !== 'string' || !/^\d{1,3}$/.test(rawMin) || minScore! > 100)
    ) {
      issues.push(issue('min_score', 'integerRange', { min: 0, max: 100 }));
    }
    const { page, size } = parsePage(query, issues);
    if (issues.length > 0) throw new RequestValidationError(issues);
    const { items, total } = await this.risks.page(
      teamId,
      { level: level as RiskLevel | undefined, minScore },
      (page - 1) * size,
      size,
    );
    return {
      items: items.map((r) => ({
        external_id: r.externalId,
        risk: { score: r.score, level: r.level },
        computed_at: isoOf(r.computedAt),
      })),
      total,
      page,
      page_size: size,
    };
  }

  private async view(teamId: number, profile: PlayerProfile, language: TextLanguage) {
    const now = MicroTime.now().micros;
    const counters: Record<string, WindowTotals[]> = {};
    for (const [name, span] of Object.entries(WINDOWS)) {
      const since =
        MicroTime.fromMicros(now - span)
          .toDatabaseText()
          .slice(0, 13) + ':00:00';
      counters[name] = await this.totals.since(profile.id, since);
    }
    const open = await this.alerts.activeFor(this.database, teamId, [profile.id]);
    const linked = await this.identifiers.linkedPlayers(this.database, teamId, profile.id, 500);
    const risk = await this.risk.current(teamId, profile.id);
    return {
      external_id: profile.externalId,
      cpf: profile.cpf,
      profile: {
        phone: profile.phone,
        country: profile.country,
        kyc_level: profile.kycLevel,
        first_seen_at: isoOf(profile.firstSeenAt),
        last_seen_at: isoOf(profile.lastSeenAt),
        events_count: profile.eventsCount,
      },
      counters,
      open_alerts: open
        .sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))
        .map((alert) => alertSummary(alert, this.settings.ruleOf(alert.ruleCode), language)),
      linked_players: groupLinks(linked).slice(0, LINKED_SHOWN),
      risk: riskView(risk, language),
    };
  }
}

function groupLinks(
  links: { externalId: string; kind: string; value: string; lastSeenAt: string }[],
) {
  const players = new Map<
    string,
    { external_id: string; shared: { kind: string; value: string }[]; last_seen_at: string | null }
  >();
  for (const link of links) {
    const player = players.get(link.externalId) ?? {
      external_id: link.externalId,
      shared: [],
      last_seen_at: isoOf(link.lastSeenAt),
    };
    player.shared.push({ kind: link.kind, value: link.value });
    players.set(link.externalId, player);
  }
  return [...players.values()];
}

export function riskView(risk: RiskScore, language: TextLanguage) {
  return {
    score: risk.score,
    level: risk.level,
    factors: risk.factors.map((f) => ({ ...f, description: describeFactor(f, language) })),
  };
}

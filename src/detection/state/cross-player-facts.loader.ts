import { Injectable } from '@nestjs/common';
import { MicroTime } from '../../common/time/micro-time';
import type { SqlSession } from '../../database/sql-database';
import { LookupsService } from '../../lookups/lookups.service';
import type { DetectionEvent, IdentifierKind } from '../engine/detection-event';
import type { EffectiveRule } from '../engine/evaluate';
import { MICROS, type PlayerState } from '../engine/player-state';
import type { CrossPlayerFacts, OpposingBet, SharedIdentifier } from '../engine/rule';
import type { RuleMode } from '../engine/rule-settings';
import { IdentifiersRepository } from './identifiers.repository';
import { MarketPositionsRepository, type MarketPosition } from './market-positions.repository';

/** A player's sightings of an identifier in the batch: first and last event time (µs). */
interface FoldedSighting {
  teamId: number;
  kind: string;
  value: string;
  playerId: number;
  from: number;
  to: number;
}

const text = (micros: number) => MicroTime.fromMicros(micros).toDatabaseText();
/** Names loaded for an identifier likely to hit: the 50 others the alert names, and the player. */
const NAMES_LOADED = 51;
/** OPPOSITE_SIDES' largest window: opposing bets are read this far around a bet. */
const OPPOSING_WINDOW = 1440 * MICROS.MINUTE;

/**
 * What the rules need to know across players, for one batch: records the batch's identifier
 * sightings and single bets' positions, then reads each identifier's players and each bet's
 * opposing bets. Reads, not locks: a player's worker never waits on another player's.
 */
@Injectable()
export class CrossPlayerFactsLoader {
  constructor(
    private readonly identifiers: IdentifiersRepository,
    private readonly positions: MarketPositionsRepository,
    private readonly lookups: LookupsService,
  ) {}

  async load(
    session: SqlSession,
    events: readonly DetectionEvent[],
    states: ReadonlyMap<number, PlayerState>,
    rulesOf: (teamId: number) => readonly EffectiveRule[],
    /** `false` for a second look: the events' sightings and positions are stored already. */
    record = true,
  ): Promise<CrossPlayerFacts> {
    const ruleOf = (teamId: number, code: string) =>
      rulesOf(teamId).find((r) => r.rule.code === code && r.mode !== 'off');
    const sharing = await this.loadSharing(session, events, states, ruleOf, record);
    const opposing = await this.loadOpposing(session, events, ruleOf, record);
    return {
      sharing: (teamId, kind, value) => sharing.get(`${teamId}|${kind}|${value}`),
      opposing: (event) => opposing.get(event.id) ?? [],
      operatorCountry: (code) => this.lookups.operatorCountry(code),
    };
  }

  private async loadSharing(
    session: SqlSession,
    events: readonly DetectionEvent[],
    states: ReadonlyMap<number, PlayerState>,
    ruleOf: (teamId: number, code: string) => EffectiveRule | undefined,
    record: boolean,
  ): Promise<Map<string, SharedIdentifier>> {
    const sightings = new Map<string, FoldedSighting>();
    for (const event of events) {
      for (const { kind, value } of event.identifiers) {
        const key = `${event.teamId}|${kind}|${value}|${event.playerId}`;
        const known = sightings.get(key);
        if (known) {
          known.from = Math.min(known.from, event.at);
          known.to = Math.max(known.to, event.at);
        } else {
          sightings.set(key, {
            teamId: event.teamId,
            kind,
            value,
            playerId: event.playerId,
            from: event.at,
            to: event.at,
          });
        }
      }
    }
    // In key order: concurrent batches never lock the same rows crosswise.
    const rows = [...sightings.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, s]) => s);
    if (record) {
      await this.identifiers.recordSightings(
        session,
        rows.map((s) => ({ ...s, firstAt: text(s.from), lastAt: text(s.to) })),
      );
    }
    return this.countSharing(session, rows, states, ruleOf);
  }

  private async countSharing(
    session: SqlSession,
    sightings: readonly FoldedSighting[],
    states: ReadonlyMap<number, PlayerState>,
    ruleOf: (teamId: number, code: string) => EffectiveRule | undefined,
  ): Promise<Map<string, SharedIdentifier>> {
    const shared = new Map<string, SharedIdentifier>();
    const groups = new Map<
      string,
      { teamId: number; kind: string; since: number; values: Set<string> }
    >();
    for (const s of sightings) {
      const rule = ruleOf(s.teamId, 'SHARED_IDENTIFIER');
      if (!rule) continue;
      const modes = rule.parameters.modes as Record<IdentifierKind, RuleMode>;
      if ((modes[s.kind as IdentifierKind] ?? 'on') === 'off') continue;
      const since = s.from - (rule.parameters.window_hours as number) * MICROS.HOUR;
      const key = `${s.teamId}|${s.kind}`;
      const group = groups.get(key) ?? { teamId: s.teamId, kind: s.kind, since, values: new Set() };
      group.since = Math.min(group.since, since);
      group.values.add(s.value);
      groups.set(key, group);
    }
    for (const { teamId, kind, since, values } of groups.values()) {
      const list = [...values];
      const counts = await this.identifiers.countPlayers(session, teamId, kind, list, text(since));
      const { parameters } = ruleOf(teamId, 'SHARED_IDENTIFIER')!;
      const minPlayers = parameters.min_players as number;
      const window = (parameters.window_hours as number) * MICROS.HOUR;
      const candidates = list.filter((value) => (counts.get(value) ?? 0) >= minPlayers);
      const allowlisted = await this.identifiers.allowlisted(
        session,
        teamId,
        candidates.map((value) => ({ kind, value })),
      );
      for (const value of list) {
        const players = counts.get(value) ?? 0;
        const isAllowlisted = allowlisted.has(`${kind}:${value}`);
        // Names only where a player of the batch has not been told about this many players yet.
        const likelyHit =
          players >= minPlayers &&
          !isAllowlisted &&
          sightings.some((s) => {
            if (s.teamId !== teamId || s.kind !== kind || s.value !== value) return false;
            const reported = states.get(s.playerId)?.reportedShares[`${kind}:${value}`];
            return !reported || reported.players < players || reported.at < s.to - window;
          });
        const others = likelyHit
          ? await this.identifiers.playersOf(
              session,
              teamId,
              kind,
              value,
              text(since),
              NAMES_LOADED,
            )
          : null;
        shared.set(`${teamId}|${kind}|${value}`, { allowlisted: isAllowlisted, players, others });
      }
    }
    return shared;
  }

  private async loadOpposing(
    session: SqlSession,
    events: readonly DetectionEvent[],
    ruleOf: (teamId: number, code: string) => EffectiveRule | undefined,
    record: boolean,
  ): Promise<Map<string, OpposingBet[]>> {
    const singles: { event: DetectionEvent; position: MarketPosition }[] = [];
    for (const event of events) {
      const leg = event.aml?.legs.length === 1 ? event.aml.legs[0] : undefined;
      if (
        event.type !== 'BET_PLACED' ||
        !leg?.sportEventRef ||
        !leg.marketRef ||
        !leg.selectionRef
      ) {
        continue;
      }
      singles.push({
        event,
        position: {
          teamId: event.teamId,
          sportEventRef: leg.sportEventRef,
          marketRef: leg.marketRef,
          selectionRef: leg.selectionRef,
          playerId: event.playerId,
          stakeCents: event.amountCents,
          placedAt: text(event.at),
          eventId: event.id,
        },
      });
    }
    if (record) {
      await this.positions.record(
        session,
        singles.map((s) => s.position),
      );
    }
    const opposing = new Map<string, OpposingBet[]>();
    for (const { event, position } of singles) {
      if (!ruleOf(event.teamId, 'OPPOSITE_SIDES')) continue;
      const bets = await this.positions.opposing(
        session,
        position,
        text(event.at - OPPOSING_WINDOW),
        text(event.at + OPPOSING_WINDOW),
      );
      if (bets.length === 0) continue;
      const linked = await this.identifiers.linkedTo(session, event.teamId, event.playerId, [
        ...new Set(bets.map((b) => b.playerId)),
      ]);
      opposing.set(
        event.id,
        bets.map((b) => ({
          playerExternalId: b.externalId,
          selectionRef: b.selectionRef,
          stakeCents: b.stake,
          at: MicroTime.fromDatabaseText(b.placedAt).micros,
          linked: linked.has(b.playerId),
        })),
      );
    }
    return opposing;
  }
}

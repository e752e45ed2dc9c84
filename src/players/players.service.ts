import { Injectable } from '@nestjs/common';
import { formatCpf } from '../common/br/cpf';
import { MicroTime } from '../common/time/micro-time';
import { isUniqueViolation } from '../database/database-errors';
import type { SqlSession } from '../database/sql-database';
import { PlayersRepository, type PlayerActivity, type PlayerProfile } from './players.repository';
import { SqlDatabase } from '../database/sql-database';
import { hasSurroundingSpaces } from '../common/text/well-formed';

export type { PlayerProfile } from './players.repository';

/** One event's view of its player. */
export interface PlayerSighting {
  teamId: number;
  externalId: string;
  phone: string | null;
  country: string | null;
  kycLevel: number | null;
  /** `YYYY-MM-DD HH:MM:SS.ffffff`, UTC. */
  at: string;
}

/** Players, known by each team's own id and by our integer id. */
@Injectable()
export class PlayersService {
  constructor(
    private readonly players: PlayersRepository,
    private readonly database: SqlDatabase,
  ) {}

  /**
   * Creates or updates the players of these sightings, within the caller's transaction: a batch
   * offers the profile (phone, country, KYC level) of its latest event by event time (of two at
   * the same time, the later to arrive), which replaces the stored one only if that event is not
   * older than the player's latest: a backfill of old events never sets a player back. Each
   * sighting counts once in `events_count`.
   */
  async recordSightings(session: SqlSession, sightings: readonly PlayerSighting[]): Promise<void> {
    const byPlayer = new Map<string, PlayerActivity>();
    // When each player's profile field was last sent, by event time.
    const sentAt = new Map<string, Record<'phone' | 'country' | 'kycLevel', string>>();
    for (const s of sightings) {
      const key = `${s.teamId}\u0000${s.externalId}`;
      const known = byPlayer.get(key);
      if (!known) {
        byPlayer.set(key, {
          teamId: s.teamId,
          externalId: s.externalId,
          phone: s.phone,
          country: s.country,
          kycLevel: s.kycLevel,
          firstSeenAt: s.at,
          lastSeenAt: s.at,
          eventsCount: 1,
        });
        sentAt.set(key, { phone: s.at, country: s.at, kycLevel: s.at });
        continue;
      }
      const at = sentAt.get(key)!;
      for (const field of ['phone', 'country', 'kycLevel'] as const) {
        if (s[field] === null || (known[field] !== null && s.at < at[field])) continue;
        (known as Record<typeof field, unknown>)[field] = s[field];
        at[field] = s.at;
      }
      if (s.at < known.firstSeenAt) known.firstSeenAt = s.at;
      if (s.at > known.lastSeenAt) known.lastSeenAt = s.at;
      known.eventsCount++;
    }
    // The stored row is compared with the batch's latest event (players.repository.ts): a value
    // sent by an older event of the batch may be older than the stored one, so it is not offered.
    for (const [key, activity] of byPlayer) {
      const at = sentAt.get(key)!;
      for (const field of ['phone', 'country', 'kycLevel'] as const) {
        if (at[field] < activity.lastSeenAt) activity[field] = null;
      }
    }
    // One order for every writer, so that two workers never lock the same players crosswise.
    const activity = [...byPlayer.values()].sort(
      (a, b) =>
        a.teamId - b.teamId ||
        (a.externalId < b.externalId ? -1 : a.externalId > b.externalId ? 1 : 0),
    );
    await this.players.upsertActivity(session, activity, MicroTime.now().toDatabaseText());
  }

  /**
   * The id of the team's player with this CPF (11 digits), within the caller's transaction: the
   * player holding the CPF; else the player whose external id is the CPF, bare or formatted (an
   * operator that sends CPFs as monitor player ids), which takes the CPF; else a new player
   * whose external id is the CPF's digits (`cpf:` and the digits if that id is taken). Its first
   * and last seen times widen to `at`.
   */
  async resolveByCpf(
    session: SqlSession,
    teamId: number,
    cpf: string,
    at: MicroTime,
  ): Promise<number> {
    const seenAt = at.toDatabaseText();
    const now = MicroTime.now().toDatabaseText();
    const id = await this.findOrCreateByCpf(session, teamId, cpf, seenAt, now);
    await this.players.markSeen(session, id, seenAt, now);
    return id;
  }

  /**
   * Our ids of the players of these events (team, external id), which exist once the
   * player-activity step has run in the same transaction.
   */
  async idsOf(
    session: SqlSession,
    players: readonly { teamId: number; externalId: string }[],
  ): Promise<(externalId: string, teamId: number) => number> {
    const byTeam = new Map<number, Set<string>>();
    for (const p of players)
      byTeam.set(p.teamId, (byTeam.get(p.teamId) ?? new Set()).add(p.externalId));
    const ids = new Map<string, number>();
    for (const [teamId, externalIds] of byTeam) {
      const found = await this.players.idsByExternalId(session, teamId, [...externalIds]);
      for (const [externalId, id] of found) ids.set(`${teamId}\u0000${externalId}`, id);
    }
    return (externalId, teamId) => {
      const id = ids.get(`${teamId}\u0000${externalId}`);
      if (id === undefined)
        throw new Error(`Player ${externalId} of team ${teamId} is not recorded`);
      return id;
    };
  }

  /** The team's own id of one of our players. */
  async externalIdOf(session: SqlSession, id: number): Promise<string> {
    const externalId = await this.players.findExternalId(session, id);
    if (externalId === null) throw new Error(`No player ${id}`);
    return externalId;
  }

  /** A team's player by its external id or its CPF (11 digits); null when there is none. */
  profileOf(
    teamId: number,
    key: { externalId: string } | { cpf: string },
  ): Promise<PlayerProfile | null> {
    if ('externalId' in key && hasSurroundingSpaces(key.externalId)) return Promise.resolve(null);
    return this.players.findProfile(this.database, teamId, key);
  }

  /** The id of the team's player with this CPF (11 digits), if there is one. */
  findIdByCpf(session: SqlSession, teamId: number, cpf: string): Promise<number | null> {
    return this.players.findIdByCpf(session, teamId, cpf);
  }

  private async findOrCreateByCpf(
    session: SqlSession,
    teamId: number,
    cpf: string,
    seenAt: string,
    now: string,
  ): Promise<number> {
    // Each turn either finds the player or changes something a concurrent call may have raced;
    // the next turn then finds what that call made.
    for (let turn = 0; turn < 3; turn++) {
      const known = await this.players.findIdByCpf(session, teamId, cpf);
      if (known !== null) return known;
      const byExternalId = await this.players.findByExternalIds(session, teamId, [
        cpf,
        formatCpf(cpf),
      ]);
      if (byExternalId?.cpf === null) {
        if (await this.attachCpf(session, byExternalId.id, cpf)) return byExternalId.id;
        continue;
      }
      // Unless a player holds the CPF's digits as its id for another CPF, it is this one's id.
      const externalId = byExternalId ? `cpf:${cpf}` : cpf;
      await this.players.insertWithCpf(session, { teamId, externalId, cpf, seenAt }, now);
    }
    throw new Error(`No player could be made for CPF ${cpf} of team ${teamId}`);
  }

  /** Gives the player the CPF; false when another player took that CPF meanwhile. */
  private async attachCpf(session: SqlSession, id: number, cpf: string): Promise<boolean> {
    try {
      return await this.players.attachCpf(session, id, cpf);
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }
}

import { Injectable } from '@nestjs/common';
import type { SqlSession } from '../database/sql-database';
import { requireTeamId } from '../tenancy/team-scope';

/** What a batch of processed events says about one player. */
export interface PlayerActivity {
  teamId: number;
  externalId: string;
  /** The latest known values; `null` keeps what is stored. */
  phone: string | null;
  country: string | null;
  kycLevel: number | null;
  /** `YYYY-MM-DD HH:MM:SS.ffffff`, UTC. */
  firstSeenAt: string;
  lastSeenAt: string;
  eventsCount: number;
}

const COLUMNS = [
  'team_id',
  'external_id',
  'phone',
  'country',
  'kyc_level',
  'first_seen_at',
  'last_seen_at',
  'events_count',
  'created_at',
  'updated_at',
];

@Injectable()
export class PlayersRepository {
  /** Creates the players not seen yet and folds the activity into the others, in one statement. */
  async upsertActivity(
    session: SqlSession,
    activity: readonly PlayerActivity[],
    now: string,
  ): Promise<void> {
    if (activity.length === 0) return;
    for (const a of activity) requireTeamId(a.teamId);
    const { dialect } = session;
    const sql = dialect.upsert('players', COLUMNS, activity.length, ['team_id', 'external_id'], {
      phone: (old, offered) => `COALESCE(${offered('phone')}, ${old('phone')})`,
      country: (old, offered) => `COALESCE(${offered('country')}, ${old('country')})`,
      kyc_level: (old, offered) => `COALESCE(${offered('kyc_level')}, ${old('kyc_level')})`,
      first_seen_at: (old, offered) =>
        dialect.least(old('first_seen_at'), offered('first_seen_at')),
      last_seen_at: (old, offered) =>
        dialect.greatest(old('last_seen_at'), offered('last_seen_at')),
      events_count: (old, offered) => `${old('events_count')} + ${offered('events_count')}`,
      updated_at: (_old, offered) => offered('updated_at'),
    });
    const values = activity.flatMap((a) => [
      a.teamId,
      a.externalId,
      a.phone,
      a.country,
      a.kycLevel,
      a.firstSeenAt,
      a.lastSeenAt,
      a.eventsCount,
      now,
      now,
    ]);
    await session.execute(sql, values);
  }
}

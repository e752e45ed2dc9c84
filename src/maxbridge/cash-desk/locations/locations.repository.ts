import { Injectable } from '@nestjs/common';
import { MicroTime } from '../../../common/time/micro-time';
import { SqlDatabase, type SqlSession } from '../../../database/sql-database';
import type { OpenHours } from './open-hours';

export interface Location {
  id: string;
  name: string;
  description: string | null;
  lat: number;
  long: number;
  openHours: OpenHours;
  cityId: number | null;
  districtId: number | null;
}

export interface LocationFilter {
  cityId?: number;
  districtId?: number;
}

interface LocationRow {
  id: string;
  name: string;
  description: string | null;
  lat: number | string;
  longitude: number | string;
  open_hours: string;
  city_id: number | null;
  district_id: number | null;
}

const COLUMNS =
  'l.id, l.name, l.description, l.lat, l.longitude, l.open_hours, l.city_id, l.district_id';

/** The retail cash desks, and each user's default one. */
@Injectable()
export class LocationsRepository {
  constructor(private readonly database: SqlDatabase) {}

  async insert(location: Location, now: MicroTime): Promise<void> {
    await this.database.autocommit((session) =>
      session.execute(
        'INSERT INTO maxbridge_locations (id, name, description, lat, longitude, open_hours, city_id, district_id, created_at) ' +
          'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [
          location.id,
          location.name,
          location.description,
          location.lat,
          location.long,
          JSON.stringify(location.openHours),
          location.cityId,
          location.districtId,
          now.toDatabaseText(),
        ],
      ),
    );
  }

  /** The desks of a city or district (all without a filter), by name. */
  async list(filter: LocationFilter = {}): Promise<Location[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.cityId !== undefined) {
      where.push('l.city_id = ?');
      params.push(filter.cityId);
    }
    if (filter.districtId !== undefined) {
      where.push('l.district_id = ?');
      params.push(filter.districtId);
    }
    const rows = await this.database.select<LocationRow>(
      `SELECT ${COLUMNS} FROM maxbridge_locations l ` +
        `${where.length > 0 ? `WHERE ${where.join(' AND ')} ` : ''}ORDER BY l.name, l.id`,
      params,
    );
    return rows.map(toLocation);
  }

  async byId(
    id: string,
    session: Pick<SqlSession, 'select'> = this.database,
  ): Promise<Location | null> {
    const [row] = await session.select<LocationRow>(
      `SELECT ${COLUMNS} FROM maxbridge_locations l WHERE l.id = ?`,
      [id],
    );
    return row ? toLocation(row) : null;
  }

  /** The user's default desk, or null when they have none yet. */
  async defaultOf(userId: number): Promise<Location | null> {
    const [row] = await this.database.select<LocationRow>(
      `SELECT ${COLUMNS} FROM maxbridge_default_locations d JOIN maxbridge_locations l ON l.id = d.location_id ` +
        'WHERE d.user_id = ?',
      [userId],
    );
    return row ? toLocation(row) : null;
  }

  /** The desk of the user's latest paid reservation, or null for a first-time user. */
  async lastWithdrawalOf(userId: number): Promise<Location | null> {
    const [row] = await this.database.select<LocationRow>(
      `SELECT ${COLUMNS} FROM maxbridge_reservations r JOIN maxbridge_locations l ON l.id = r.location_id ` +
        "WHERE r.user_id = ? AND r.status = 'Paid' ORDER BY r.closed_at DESC LIMIT 1",
      [userId],
    );
    return row ? toLocation(row) : null;
  }

  /** Sets the user's default desk when they have none (a first withdrawal); false when they had. */
  async setDefaultIfNone(
    session: SqlSession,
    userId: number,
    locationId: string,
    now: MicroTime,
  ): Promise<boolean> {
    const added = await session.execute(
      `${session.dialect.insertIgnoring} INTO maxbridge_default_locations (user_id, location_id, set_by, set_at) VALUES (?, ?, ?, ?)`,
      [userId, locationId, 'withdrawal', now.toDatabaseText()],
    );
    return added > 0;
  }

  /** An administrator's change of the user's default desk. */
  async setDefault(session: SqlSession, userId: number, locationId: string, now: MicroTime) {
    const changed = await session.execute(
      "UPDATE maxbridge_default_locations SET location_id = ?, set_by = 'admin', set_at = ? WHERE user_id = ?",
      [locationId, now.toDatabaseText(), userId],
    );
    if (changed === 0) {
      await session.execute(
        'INSERT INTO maxbridge_default_locations (user_id, location_id, set_by, set_at) VALUES (?, ?, ?, ?)',
        [userId, locationId, 'admin', now.toDatabaseText()],
      );
    }
  }
}

const toLocation = (row: LocationRow): Location => ({
  id: row.id,
  name: row.name,
  description: row.description,
  lat: Number(row.lat),
  long: Number(row.longitude),
  openHours: JSON.parse(row.open_hours) as OpenHours,
  cityId: row.city_id === null ? null : Number(row.city_id),
  districtId: row.district_id === null ? null : Number(row.district_id),
});

import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { MicroTime } from '../../../common/time/micro-time';
import { SqlDatabase } from '../../../database/sql-database';
import { CashDeskRefusal } from '../cash-desk.refusal';
import { LocationsRepository, type Location, type LocationFilter } from './locations.repository';

export type { Location };

export type NewLocation = Omit<Location, 'id'> & { id?: string };

/** The retail cash desks, and which one is each user's. */
@Injectable()
export class LocationsService {
  constructor(
    private readonly database: SqlDatabase,
    private readonly locations: LocationsRepository,
  ) {}

  /**
   * The desks of a city or district, and whose name contains `name` in any case and with or
   * without accents (`eglise` finds "Église Ndar"): compared here, the same on both databases
   * (SQLite lowers ASCII letters only), over a list that is a few hundred desks at most.
   */
  async list(filter: LocationFilter & { name?: string } = {}): Promise<Location[]> {
    const found = await this.locations.list(filter);
    if (filter.name === undefined) return found;
    const wanted = folded(filter.name);
    return found.filter((location) => folded(location.name).includes(wanted));
  }

  /**
   * The retail system's "preferred branch": the desk of the user's last withdrawal, or every desk
   * for a user who has not withdrawn at one yet.
   */
  async preferredBranch(userId: number): Promise<Location | Location[]> {
    return (await this.locations.lastWithdrawalOf(userId)) ?? this.locations.list();
  }

  /** The user's default desk (set by their first paid reservation); `not_found` before it. */
  async defaultOf(userId: number): Promise<Location> {
    const location = await this.locations.defaultOf(userId);
    if (!location)
      throw new CashDeskRefusal('not_found', `User ${userId} has no default location yet`);
    return location;
  }

  async create(location: NewLocation): Promise<Location> {
    const created = { ...location, id: location.id ?? randomUUID() };
    await this.locations.insert(created, MicroTime.now());
    return created;
  }

  /** An administrator's change of a user's default desk (users cannot change it themselves). */
  async setDefault(userId: number, locationId: string): Promise<Location> {
    const location = await this.locations.byId(locationId);
    if (!location)
      throw new CashDeskRefusal('location_not_found', `Location ${locationId} does not exist`);
    const [user] = await this.database.select('SELECT id FROM wallet_users WHERE id = ?', [userId]);
    if (!user) throw new CashDeskRefusal('user_not_found', `User ${userId} does not exist`);
    await this.database.transaction((session) =>
      this.locations.setDefault(session, userId, locationId, MicroTime.now()),
    );
    return location;
  }
}

/** Lower case without diacritics: `Église` -> `eglise`. */
const folded = (text: string) =>
  text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('en');

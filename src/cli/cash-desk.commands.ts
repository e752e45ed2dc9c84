import { locationView } from '../maxbridge/cash-desk/cash-desk.views';
import { isGuid } from '../maxbridge/cash-desk/dto/cash-desk.rules';
import {
  LocationsService,
  type Location,
} from '../maxbridge/cash-desk/locations/locations.service';
import { parseOpenHours } from '../maxbridge/cash-desk/locations/open-hours';
import { RetailKeysService } from '../maxbridge/cash-desk/retail/retail-keys.service';
import { integer, optionalInteger } from './maxbridge.commands';
import { required, UsageError, type CommandOptions, type Command } from './command';

function coordinate(options: CommandOptions, name: 'lat' | 'long', limit: number): number {
  const value = Number(required(options, name));
  if (!Number.isFinite(value) || Math.abs(value) > limit) {
    throw new UsageError(`--${name} must be a number from -${limit} to ${limit}`);
  }
  return value;
}

function guid(options: CommandOptions, name: 'id' | 'location'): string {
  const value = required(options, name).toLowerCase();
  if (!isGuid(value)) throw new UsageError(`--${name} must be a GUID`);
  return value;
}

/** A desk in `--json`: the seed's fields (`open_hours`, as the retail API answers), and its ids. */
const locationJson = (l: Location) => ({
  ...locationView(l),
  city_id: l.cityId,
  district_id: l.districtId,
});

const describe = (l: Location) =>
  `${l.id}  ${l.name}${l.description ? ` (${l.description})` : ''}  ${l.lat}, ${l.long}`;

/** Cash desks and the retail system's keys: `npm run cli -- maxbridge <action>`. */
export const CASH_DESK_COMMANDS: Record<string, Command> = {
  'maxbridge location create': {
    usage:
      'maxbridge location create --name TEXT --lat N --long N [--hours "mon-fri 09:00-18:00, sat 10:00-16:00"] ' +
      '[--description TEXT] [--city ID] [--district ID] [--id GUID]',
    summary:
      'Create a cash desk (days not named in --hours are closed; --hours also takes the JSON)',
    async run(app, options) {
      let openHours;
      try {
        openHours = parseOpenHours(options.hours ?? '');
      } catch (error) {
        throw new UsageError(`--hours: ${(error as Error).message}`);
      }
      const location = await app.get(LocationsService).create({
        id: options.id === undefined ? undefined : guid(options, 'id'),
        name: required(options, 'name').trim(),
        description: options.description?.trim() || null,
        lat: coordinate(options, 'lat', 90),
        long: coordinate(options, 'long', 180),
        openHours,
        cityId: optionalInteger(options, 'city', 1) ?? null,
        districtId: optionalInteger(options, 'district', 1) ?? null,
      });
      return {
        json: { location: locationJson(location) },
        text: [`Location created: ${describe(location)}`],
      };
    },
  },
  'maxbridge location list': {
    usage: 'maxbridge location list',
    summary: 'List the cash desks',
    async run(app) {
      const locations = await app.get(LocationsService).list();
      return {
        json: { locations: locations.map(locationJson) },
        text: locations.length > 0 ? locations.map(describe) : ['No location yet.'],
      };
    },
  },
  'maxbridge location set-default': {
    usage: 'maxbridge location set-default --user N --location GUID',
    summary: "Change a user's default cash desk (users cannot change it themselves)",
    async run(app, options) {
      const userId = integer(options, 'user', 1);
      const location = await app
        .get(LocationsService)
        .setDefault(userId, guid(options, 'location'));
      return {
        json: { user_id: userId, location: locationJson(location) },
        text: [`User ${userId}'s default location is now ${describe(location)}`],
      };
    },
  },
  'maxbridge retail-key create': {
    usage: 'maxbridge retail-key create [--label TEXT]',
    summary: 'Create a key for the MaxBet retail system or an SSBT terminal (shown once)',
    async run(app, options) {
      const created = await app.get(RetailKeysService).create(options.label?.trim() || null);
      return {
        json: created,
        text: [
          `Retail key ${created.id} created. It is shown only now; send it as "Authorization: <key>":`,
          created.key,
        ],
      };
    },
  },
  'maxbridge retail-key list': {
    usage: 'maxbridge retail-key list',
    summary: 'List the retail keys (prefixes only)',
    async run(app) {
      const keys = await app.get(RetailKeysService).list();
      return {
        json: { keys },
        text: keys.map(
          (k) => `${k.id}  ${k.prefix}…  ${k.label ?? ''}${k.revoked ? '  (revoked)' : ''}`,
        ),
      };
    },
  },
  'maxbridge retail-key revoke': {
    usage: 'maxbridge retail-key revoke --id N',
    summary: 'Revoke a retail key at once',
    async run(app, options) {
      const id = integer(options, 'id', 1);
      if (!(await app.get(RetailKeysService).revoke(id))) {
        throw new UsageError(`No active retail key ${id}`);
      }
      return { json: { id, revoked: true }, text: [`Retail key ${id} revoked.`] };
    },
  },
};

import { openHoursOf, parseOpenHours } from './open-hours';

const SEED_HOURS = {
  monday: { open: '09:00', close: '18:00' },
  tuesday: { open: '09:00', close: '18:00' },
  wednesday: { open: '09:00', close: '18:00' },
  thursday: { open: '09:00', close: '18:00' },
  friday: { open: '09:00', close: '18:00' },
  saturday: { open: '10:00', close: '16:00' },
  sunday: '',
};

describe('open hours', () => {
  it('reads day ranges as the seed shapes them, days not named closed', () => {
    expect(parseOpenHours('mon-fri 09:00-18:00, sat 10:00-16:00')).toEqual(SEED_HOURS);
  });

  it("reads the seed's JSON object as it is", () => {
    expect(parseOpenHours(JSON.stringify(SEED_HOURS))).toEqual(SEED_HOURS);
    expect(openHoursOf({ monday: { open: '08:00', close: '12:00' } })).toEqual({
      ...Object.fromEntries(Object.keys(SEED_HOURS).map((day) => [day, ''])),
      monday: { open: '08:00', close: '12:00' },
    });
  });

  it('refuses what a desk cannot have, saying why', () => {
    expect(() => parseOpenHours('mon-fri 9-18')).toThrow('is not like "mon-fri 09:00-18:00"');
    expect(() => parseOpenHours('fri-mon 09:00-18:00')).toThrow('from Monday to Sunday');
    expect(() => parseOpenHours('xyz 09:00-18:00')).toThrow('"xyz" is not a weekday');
    expect(() => parseOpenHours('mon 18:00-09:00')).toThrow('must come after opening time');
    expect(() => parseOpenHours('mon 24:00-25:00')).toThrow('HH:MM');
    expect(() => openHoursOf({ funday: '' })).toThrow('unknown weekday(s): funday');
    expect(() => openHoursOf([])).toThrow('one entry per weekday');
  });
});

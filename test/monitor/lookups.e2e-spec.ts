import { LookupsService } from '../../src/lookups/lookups.service';
import { createTeam, TestTeam } from '../support/fixtures';
import { startTestApp, TestApp } from '../support/test-app';

/** Seed 000, "/api/v1/lookups", with the operators of its reference table (CONTRACTS.md ids). */
const EXPECTED_LOOKUPS = {
  event_types: [
    { id: 1, code: 'DEPOSIT', name: 'Deposit' },
    { id: 2, code: 'WITHDRAWAL', name: 'Withdrawal' },
    { id: 3, code: 'BET_PLACED', name: 'Bet Placed' },
    { id: 4, code: 'BET_WON', name: 'Bet Won' },
    { id: 5, code: 'BET_LOST', name: 'Bet Lost' },
    { id: 6, code: 'BONUS_CREDITED', name: 'Bonus Credited' },
    { id: 7, code: 'BONUS_USED', name: 'Bonus Used' },
    { id: 8, code: 'REFUND', name: 'Refund' },
    { id: 9, code: 'CASHOUT', name: 'Cash Out' },
    { id: 10, code: 'JACKPOT', name: 'Jackpot' },
  ],
  game_types: [
    { id: 1, code: 'SPORTS', name: 'Sports Betting' },
    { id: 2, code: 'CASINO', name: 'Casino' },
    { id: 3, code: 'VIRTUAL', name: 'Virtual Sports' },
    { id: 4, code: 'LOTTERY', name: 'Lottery' },
    { id: 5, code: 'POKER', name: 'Poker' },
    { id: 6, code: 'ESPORTS', name: 'eSports' },
    { id: 7, code: 'LIVE_CASINO', name: 'Live Casino' },
  ],
  device_types: [
    { id: 1, code: 'DESKTOP', name: 'Desktop' },
    { id: 2, code: 'MOBILE', name: 'Mobile' },
    { id: 3, code: 'TABLET', name: 'Tablet' },
    { id: 4, code: 'API', name: 'API' },
    { id: 5, code: 'OTHER', name: 'Other' },
  ],
  operators: [
    { id: 1, code: 'ORANGE_SN', name: 'Orange Money Senegal', country: 'SEN' },
    { id: 2, code: 'WAVE_SN', name: 'Wave Senegal', country: 'SEN' },
    { id: 3, code: 'FREE_SN', name: 'Free Money Senegal', country: 'SEN' },
    { id: 5, code: 'ORANGE_CI', name: "Orange Money Côte d'Ivoire", country: 'CIV' },
    { id: 6, code: 'MTN_CI', name: "MTN Mobile Money Côte d'Ivoire", country: 'CIV' },
    { id: 7, code: 'WAVE_CI', name: "Wave Côte d'Ivoire", country: 'CIV' },
    { id: 8, code: 'MOOV_CI', name: "Moov Money Côte d'Ivoire", country: 'CIV' },
    { id: 9, code: 'ORANGE_ML', name: 'Orange Money Mali', country: 'MLI' },
    { id: 10, code: 'WAVE_ML', name: 'Wave Mali', country: 'MLI' },
    { id: 11, code: 'MTN_GH', name: 'MTN Mobile Money Ghana', country: 'GHA' },
    { id: 12, code: 'VODAFONE_GH', name: 'Vodafone Cash Ghana', country: 'GHA' },
    { id: 13, code: 'MTN_NG', name: 'MTN MoMo Nigeria', country: 'NGA' },
    { id: 14, code: 'OPAY_NG', name: 'OPay Nigeria', country: 'NGA' },
    { id: 15, code: 'BANK_TRANSFER', name: 'Bank Transfer', country: null },
    { id: 16, code: 'CARD', name: 'Card Payment', country: null },
  ],
};

describe('GET /api/v1/lookups', () => {
  let t: TestApp;
  let team: TestTeam;

  beforeAll(async () => {
    t = await startTestApp();
    team = await createTeam(t);
  });
  afterAll(() => t.close());

  it('answers the seed object exactly, bare (no success envelope)', async () => {
    const res = await t.http.get('/api/v1/lookups').set('X-API-Key', team.apiKey).expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toEqual(EXPECTED_LOOKUPS);
    expect(Object.keys(res.body)).toEqual([
      'event_types',
      'game_types',
      'device_types',
      'operators',
    ]);
  });

  it('keeps the ids the seed shows for its four operators', async () => {
    const res = await t.http.get('/api/v1/lookups').set('X-API-Key', team.apiKey).expect(200);
    const ids = Object.fromEntries(
      (res.body as typeof EXPECTED_LOOKUPS).operators.map((o) => [o.code, o.id]),
    );
    expect(ids).toMatchObject({ ORANGE_SN: 1, WAVE_SN: 2, ORANGE_CI: 5, MTN_CI: 6 });
  });

  it('requires an API key, answered in the monitor envelope', async () => {
    const res = await t.http.get('/api/v1/lookups').expect(401);
    expect(res.body).toEqual({
      success: false,
      error: { code: 'UNAUTHORIZED', message: 'Missing API key: send it in the X-API-Key header' },
    });
  });

  it('lets other modules validate codes against the tables (loaded once, at start)', () => {
    const lookups = t.app.get(LookupsService);
    expect(lookups.isKnownCode('event_type', 'BET_PLACED')).toBe(true);
    expect(lookups.isKnownCode('event_type', 'INVALID')).toBe(false);
    expect(lookups.isKnownCode('event_type', 'bet_placed')).toBe(false);
    expect(lookups.isKnownCode('game_type', 'LIVE_CASINO')).toBe(true);
    expect(lookups.isKnownCode('device_type', 'API')).toBe(true);
    expect(lookups.isKnownCode('operator', 'CARD')).toBe(true);
    expect(lookups.isKnownCode('operator', 'ORANGE_XX')).toBe(false);
    expect(lookups.codesOf('game_type')).toEqual(EXPECTED_LOOKUPS.game_types.map((g) => g.code));
  });
});

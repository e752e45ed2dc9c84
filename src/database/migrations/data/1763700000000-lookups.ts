/**
 * Lookup values of the Betting Monitor API (seed 000), as first released. Frozen with the
 * migration that inserts them: later changes go into new migrations.
 */
export const EVENT_TYPES = [
  [1, 'DEPOSIT', 'Deposit'],
  [2, 'WITHDRAWAL', 'Withdrawal'],
  [3, 'BET_PLACED', 'Bet Placed'],
  [4, 'BET_WON', 'Bet Won'],
  [5, 'BET_LOST', 'Bet Lost'],
  [6, 'BONUS_CREDITED', 'Bonus Credited'],
  [7, 'BONUS_USED', 'Bonus Used'],
  [8, 'REFUND', 'Refund'],
  [9, 'CASHOUT', 'Cash Out'],
  [10, 'JACKPOT', 'Jackpot'],
] as const;

export const GAME_TYPES = [
  [1, 'SPORTS', 'Sports Betting'],
  [2, 'CASINO', 'Casino'],
  [3, 'VIRTUAL', 'Virtual Sports'],
  [4, 'LOTTERY', 'Lottery'],
  [5, 'POKER', 'Poker'],
  [6, 'ESPORTS', 'eSports'],
  [7, 'LIVE_CASINO', 'Live Casino'],
] as const;

export const DEVICE_TYPES = [
  [1, 'DESKTOP', 'Desktop'],
  [2, 'MOBILE', 'Mobile'],
  [3, 'TABLET', 'Tablet'],
  [4, 'API', 'API'],
  [5, 'OTHER', 'Other'],
] as const;

/**
 * Ids 1, 2, 5 and 6 are the seed's own. The others follow the seed's table order without taking
 * an id the seed leaves unexplained (4 is kept free).
 */
export const PAYMENT_OPERATORS = [
  [1, 'ORANGE_SN', 'Orange Money Senegal', 'SEN'],
  [2, 'WAVE_SN', 'Wave Senegal', 'SEN'],
  [3, 'FREE_SN', 'Free Money Senegal', 'SEN'],
  [5, 'ORANGE_CI', "Orange Money Côte d'Ivoire", 'CIV'],
  [6, 'MTN_CI', "MTN Mobile Money Côte d'Ivoire", 'CIV'],
  [7, 'WAVE_CI', "Wave Côte d'Ivoire", 'CIV'],
  [8, 'MOOV_CI', "Moov Money Côte d'Ivoire", 'CIV'],
  [9, 'ORANGE_ML', 'Orange Money Mali', 'MLI'],
  [10, 'WAVE_ML', 'Wave Mali', 'MLI'],
  [11, 'MTN_GH', 'MTN Mobile Money Ghana', 'GHA'],
  [12, 'VODAFONE_GH', 'Vodafone Cash Ghana', 'GHA'],
  [13, 'MTN_NG', 'MTN MoMo Nigeria', 'NGA'],
  [14, 'OPAY_NG', 'OPay Nigeria', 'NGA'],
  [15, 'BANK_TRANSFER', 'Bank Transfer', null],
  [16, 'CARD', 'Card Payment', null],
] as const;

type Row = readonly (string | number | null)[];

/** Parameterised INSERTs for the four tables; the placeholder `?` works on both dialects. */
export function lookupInserts(quote: (name: string) => string): [string, Row[]][] {
  const insert = (table: string, columns: string[]) =>
    `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
  return [
    [insert('event_types', ['id', 'code', 'name']), EVENT_TYPES as unknown as Row[]],
    [insert('game_types', ['id', 'code', 'name']), GAME_TYPES as unknown as Row[]],
    [insert('device_types', ['id', 'code', 'name']), DEVICE_TYPES as unknown as Row[]],
    [insert('payment_operators', ['id', 'code', 'name', 'country']), PAYMENT_OPERATORS as unknown as Row[]],
  ];
}

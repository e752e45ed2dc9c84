import { MICROS } from '../engine/player-state';
import { T0 } from '../engine/testing';
import { describeFactor, riskScore, type RiskAlert } from './risk-score';

const alert = (partial: Partial<RiskAlert> = {}): RiskAlert => ({
  uuid: 'a-1',
  ruleCode: 'RAPID_DEPOSITS',
  severity: 'HIGH',
  status: 'OPEN',
  lastHitAt: T0,
  ...partial,
});
const scoreOf = (alerts: RiskAlert[], now = T0) =>
  riskScore({ alerts, linkedPlayers: 0, kycLevel: 2, recentWithdrawals: 0, now });

describe('riskScore', () => {
  it('halves an alert’s points every 30 days, and words the product as the factor carries it', () => {
    // 16 days after: 0.5^(16/30) = 0.691; 25 x 0.691 = 17.3.
    const { score, factors } = scoreOf([alert()], T0 + 16 * MICROS.DAY);
    expect(factors[0]).toMatchObject({ points: 17.3, decay: 0.691, base_points: 25, age_days: 16 });
    expect(score).toBe(17);
    expect(describeFactor(factors[0], 'en')).toBe(
      'Alert "Rapid succession of deposits" (high severity, open), last hit 16 days ago: 25 points × 0.691 = 17.3',
    );
    expect(describeFactor(factors[0], 'fr')).toMatch(/: 25 points × 0,691 = 17,3$/);
  });

  it('counts a RESOLVED alert half, a FALSE_POSITIVE not at all', () => {
    const { score, factors } = scoreOf([
      alert({ status: 'RESOLVED' }),
      alert({ uuid: 'a-2', status: 'FALSE_POSITIVE' }),
    ]);
    expect(factors.map((f) => f.points)).toEqual([12.5]);
    expect(score).toBe(13);
  });
});

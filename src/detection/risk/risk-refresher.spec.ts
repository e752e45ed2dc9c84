import type { AppConfig } from '../../config/app-config';
import type { AllowlistService } from '../settings/allowlist.service';
import type { PlayerRiskService } from './player-risk.service';
import { RiskRefresher } from './risk-refresher';

const PHONE = { kind: 'phone', value: '+221771234567' };

function refresherWith(refreshPlayersOf: PlayerRiskService['refreshPlayersOf']) {
  const calls: [number, { kind: string; value: string }[]][] = [];
  const risk = {
    refreshPlayersOf: async (teamId: number, identifiers: { kind: string; value: string }[]) => {
      calls.push([teamId, identifiers]);
      return refreshPlayersOf(teamId, identifiers);
    },
  } as unknown as PlayerRiskService;
  let allowlisted: ((teamId: number, identifier: { kind: string; value: string }) => void) | null =
    null;
  const allowlist = {
    onChange: (listener: typeof allowlisted) => (allowlisted = listener),
  } as unknown as AllowlistService;
  const config = { worker: { enabled: false } } as AppConfig;
  const refresher = new RiskRefresher(config, risk, allowlist);
  return { refresher, calls, allowlisted: (teamId: number) => allowlisted!(teamId, PHONE) };
}

describe('RiskRefresher: the players of identifiers whose links changed', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('rescores them a moment after, each identifier once a round, per team', async () => {
    const { refresher, calls, allowlisted } = refresherWith(async () => 2);
    refresher.linksChanged(1, [PHONE, PHONE]);
    refresher.linksChanged(2, [PHONE]);
    allowlisted(1);
    expect(calls).toEqual([]);
    await jest.advanceTimersByTimeAsync(250);
    expect(calls).toEqual([
      [1, [PHONE]],
      [2, [PHONE]],
    ]);
  });

  it('tries a failed round again, three rounds at most', async () => {
    const { refresher, calls } = refresherWith(async () => {
      throw new Error('database down');
    });
    refresher.linksChanged(1, [PHONE]);
    await jest.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(3);
    await refresher.onModuleDestroy();
  });
});

import { amlEvent, detect, expected, monitorEvent, reasons, rulesFor } from '../engine/testing';
import { thirdPartyAccount } from './third-party-account.rule';

const rules = rulesFor(thirdPartyAccount);

describe('THIRD_PARTY_ACCOUNT', () => {
  it('fires on the AML API’s player_mismatch check', () => {
    const event = amlEvent({
      type: 'BET_WON',
      aml: { eventType: 'result', slipRef: 'slip-7', checks: ['player_mismatch'] },
    });
    expect(detect([event], rules).findings).toEqual([
      expected(thirdPartyAccount, event, { slip: 'slip-7', event_type: 'result' }),
    ]);
  });

  it('stays quiet without it', () => {
    const events = [
      amlEvent({ aml: { checks: ['balance_mismatch', 'total_odds_mismatch', 'out_of_order'] } }),
      monitorEvent({ type: 'WITHDRAWAL' }),
    ];
    expect(detect(events, rules).findings).toEqual([]);
  });

  it('gives its reason in each language', () => {
    const event = amlEvent({ aml: { eventType: 'cancellation', checks: ['player_mismatch'] } });
    const [hit] = detect([event], rules).findings;
    expect(reasons(thirdPartyAccount, hit.figures)).toEqual({
      en: "cancellation event of slip slip-1 received under another CPF than the slip's",
      fr: 'Événement cancellation du ticket slip-1 reçu sous un autre CPF que celui du ticket',
      'pt-BR': 'Evento cancellation do bilhete slip-1 recebido sob outro CPF que o do bilhete',
    });
  });
});

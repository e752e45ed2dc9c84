import type { AmlFacts } from '../engine/detection-event';
import { amlEvent, detect, expected, monitorEvent, reasons, rulesFor } from '../engine/testing';
import { lateSettlementChange } from './late-settlement-change.rule';

const rules = rulesFor(lateSettlementChange);

const stake = { totalStake: 100_00 };
const placed = { eventType: 'new_bet', betSlipState: 'open', ...stake };
const cancelled = { eventType: 'cancellation', betSlipState: 'cancelled', ...stake };
const settled = { eventType: 'result', betSlipState: 'settled', ...stake };

const result = (earlier: AmlFacts['earlier'], betSlipState: string | null = 'settled') =>
  amlEvent({ type: 'BET_WON', aml: { eventType: 'result', betSlipState, earlier } });
const cancellation = (earlier: AmlFacts['earlier']) =>
  amlEvent({
    type: 'REFUND',
    aml: { eventType: 'cancellation', betSlipState: 'cancelled', earlier },
  });

describe('LATE_SETTLEMENT_CHANGE', () => {
  it('fires on a result arriving after the slip’s cancellation', () => {
    const event = result([placed, cancelled]);
    expect(detect([event], rules).findings).toEqual([
      expected(lateSettlementChange, event, {
        change: 'result_after_cancellation',
        slip: 'slip-1',
      }),
    ]);
  });

  it('fires on a second settling result', () => {
    const event = result([placed, settled]);
    expect(detect([event], rules).findings.map((f) => f.figures)).toEqual([
      { change: 'result_after_settlement', slip: 'slip-1' },
    ]);
  });

  it('counts a result without state as settling', () => {
    const event = result([placed, { eventType: 'result', betSlipState: null, ...stake }], null);
    expect(detect([event], rules).findings.map((f) => f.figures.change)).toEqual([
      'result_after_settlement',
    ]);
  });

  it('fires on a cancellation after settlement', () => {
    const event = cancellation([placed, settled]);
    expect(detect([event], rules).findings.map((f) => f.figures)).toEqual([
      { change: 'cancellation_after_settlement', slip: 'slip-1' },
    ]);
  });

  it('stays quiet on the first result or cancellation of a slip', () => {
    expect(detect([result([placed]), cancellation([placed])], rules).findings).toEqual([]);
  });

  it('stays quiet after a partial result (the slip still open)', () => {
    const partial = { eventType: 'result', betSlipState: 'open', ...stake };
    expect(
      detect([result([placed, partial]), cancellation([placed, partial])], rules).findings,
    ).toEqual([]);
  });

  it('stays quiet on new bets and monitor events', () => {
    const events = [
      amlEvent({ aml: { earlier: [placed, settled, cancelled] } }),
      monitorEvent({ type: 'BET_WON', betRef: 'slip-1' }),
    ];
    expect(detect(events, rules).findings).toEqual([]);
  });

  it('gives its reasons in each language', () => {
    const events = [
      result([placed, cancelled]),
      result([placed, settled]),
      cancellation([settled]),
    ];
    const texts = detect(events, rules).findings.map((f) =>
      reasons(lateSettlementChange, f.figures),
    );
    expect(texts).toEqual([
      {
        en: 'Result received for slip slip-1 after its cancellation',
        fr: 'Résultat reçu pour le ticket slip-1 après son annulation',
        'pt-BR': 'Resultado recebido para o bilhete slip-1 após o seu cancelamento',
      },
      {
        en: 'Slip slip-1 settled again after it was settled',
        fr: 'Ticket slip-1 réglé une nouvelle fois après son règlement',
        'pt-BR': 'Bilhete slip-1 liquidado novamente após a liquidação',
      },
      {
        en: 'Slip slip-1 cancelled after it was settled',
        fr: 'Ticket slip-1 annulé après son règlement',
        'pt-BR': 'Bilhete slip-1 cancelado após a liquidação',
      },
    ]);
  });
});

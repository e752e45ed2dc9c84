import type { TestApp } from './test-app';

/**
 * Sends a deposit of 1,500,000 XOF, above LARGE_TRANSACTION's default XOF threshold: once
 * processed, it raises an alert (202 expected).
 */
export async function sendLargeDeposit(
  t: TestApp,
  apiKey: string,
  eventId: string,
  player: string,
): Promise<void> {
  await t.http
    .post('/api/v1/events')
    .set('X-API-Key', apiKey)
    .send({
      event_id: eventId,
      player: { id: player },
      event: {
        type: 'DEPOSIT',
        timestamp: new Date().toISOString(),
        amount: 1_500_000,
        currency: 'XOF',
      },
    })
    .expect(202);
}

/** A monitor event as the processing steps see it. */
export interface MonitorStreamEvent {
  readonly stream: 'monitor';
  /** Its row id in `events`. */
  id: string;
  teamId: number;
  brandId: number | null;
  externalEventId: string;
  eventType: string;
  /** `YYYY-MM-DD HH:MM:SS.ffffff`, UTC. */
  eventTime: string;
  /** In currency units, as sent. */
  amount: number;
  currency: string;
  balanceBefore: number | null;
  balanceAfter: number | null;
  playerExternalId: string;
  playerPhone: string | null;
  playerCountry: string | null;
  playerKycLevel: number | null;
  game: {
    type: string | null;
    id: string | null;
    name: string | null;
    sport: string | null;
    competition: string | null;
    odds: number | null;
    betId: string | null;
    provider: string | null;
  };
  /** The `uuid` answered at ingestion. */
  uuid: string;
  /** `metadata.operator`: the payment operator's code. */
  operator: string | null;
  ipAddress: string | null;
  sessionId: string | null;
}

/** What the dashboard API answers, as the screens use it (the OpenAPI document has the rest). */

export interface Alert {
  id: string;
  status: 'OPEN' | 'ACKNOWLEDGED' | 'RESOLVED' | 'FALSE_POSITIVE';
  severity: 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';
  rule: { code: string; title: string; version: number };
  player: { external_id: string };
  reason: { code: string; text: string; parameters: Record<string, unknown> };
  assignee: string | null;
  hit_count: number;
  first_hit_at: string;
  last_hit_at: string;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
}

export interface AlertDetail extends Alert {
  events: {
    total: number;
    items: {
      stream: string;
      event_id: string;
      operator_ref: string | null;
      event_time: string;
      severity: string;
      reason: { text: string };
      detected_at: string;
    }[];
  };
  history: {
    at: string;
    actor: { kind: string; id: string };
    action: string;
    from_status: string | null;
    to_status: string | null;
    assignee: string | null;
    note: string | null;
  }[];
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  page_size: number;
}

export interface ApiKey {
  prefix: string;
  brand_id: number | null;
  label: string | null;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface RuleSummary {
  code: string;
  title: string;
}

export interface Webhook {
  id: string;
  url: string;
  description: string | null;
  events: string[];
  rate_limit: number | null;
  active: boolean;
  disabled_reason: string | null;
  previous_secret_expires_at: string | null;
  created_at: string;
  updated_at: string;
  secret?: string;
}

export interface Delivery {
  id: string;
  event_type: string;
  status: 'pending' | 'paused' | 'succeeded' | 'failed';
  attempt_count: number;
  next_attempt_at: string | null;
  created_at: string;
  last_attempt_at: string | null;
  attempts: {
    at: string;
    status_code: number | null;
    latency_ms: number | null;
    error: string | null;
    response_head: string | null;
  }[];
}

interface Totals {
  count: number;
  amount: number;
}

export interface PlayerListItem {
  external_id: string;
  risk: { score: number; level: 'LOW' | 'MEDIUM' | 'HIGH' };
  computed_at: string | null;
}

export interface Player {
  external_id: string;
  cpf: string | null;
  profile: {
    phone: string | null;
    country: string | null;
    kyc_level: number | null;
    first_seen_at: string | null;
    last_seen_at: string | null;
    events_count: number;
  };
  counters: Record<
    string,
    { currency: string; deposits: Totals; withdrawals: Totals; stakes: Totals; wins: Totals }[]
  >;
  open_alerts: Alert[];
  linked_players: {
    external_id: string;
    shared: { kind: string; value: string }[];
    last_seen_at: string | null;
  }[];
  risk: {
    score: number;
    level: 'LOW' | 'MEDIUM' | 'HIGH';
    factors: { factor: string; points: number; description: string }[];
  };
  timeline: {
    events: {
      id: string;
      event_id: string;
      type: string;
      event_time: string;
      amount: number;
      currency: string;
      balance_before: number | null;
      balance_after: number | null;
      status: string;
    }[];
    slips: {
      bet_slip_id: string;
      state: string;
      total_stake: number;
      total_odds: number;
      leg_count: number;
      payout: number | null;
      first_event_at: string;
      last_event_at: string;
    }[];
  };
}

export interface RuleParameter {
  kind: 'money' | 'integer' | 'number' | 'modes';
  unit: string | null;
  value: unknown;
  default: unknown;
  min?: number;
  max?: number;
  keys?: string[];
  description: string;
}

export interface Rule {
  code: string;
  title: string;
  reference: string;
  mode: 'off' | 'shadow' | 'on';
  severity: Alert['severity'];
  version: number;
  updated_at: string | null;
  defaults: { mode: string; severity: string };
  parameters: Record<string, RuleParameter>;
}

export interface RuleDetail extends Rule {
  hits_by_day: { day: string; on: number; shadow: number }[];
  shadow_hits: {
    player: { external_id: string };
    event_time: string;
    reason: { text: string };
    detected_at: string;
  }[];
}

export interface RuleVersion {
  version: number;
  mode: string;
  severity: string;
  parameters: Record<string, unknown>;
  author: { kind: string; id: string } | null;
  created_at: string | null;
}

export interface Overview {
  time_zone: string;
  generated_at: string;
  processing_lag_seconds: number;
  events_per_minute: { minute: string; received: number; processed: number; failed: number }[];
  alerts_per_day: {
    day: string;
    total: number;
    by_severity: Record<Alert['severity'], number>;
    by_rule: Record<string, number>;
  }[];
  top_players: PlayerListItem[];
}

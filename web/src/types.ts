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

/** Alert severities, lowest first. */
export const SEVERITIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** `off`: not evaluated; `shadow`: evaluated and its hits recorded, no alert; `on`: alerts. */
export const RULE_MODES = ['off', 'shadow', 'on'] as const;
export type RuleMode = (typeof RULE_MODES)[number];

/** One level up, at most CRITICAL: the stronger variant of a rule. */
export const raised = (severity: Severity): Severity =>
  SEVERITIES[Math.min(SEVERITIES.indexOf(severity) + 1, SEVERITIES.length - 1)];

export const higherOf = (a: Severity, b: Severity): Severity =>
  SEVERITIES.indexOf(a) >= SEVERITIES.indexOf(b) ? a : b;

/** The quieter of two modes: a hit's own mode never makes a rule louder than it is set. */
export const quieterOf = (a: RuleMode, b: RuleMode): RuleMode =>
  RULE_MODES.indexOf(a) <= RULE_MODES.indexOf(b) ? a : b;

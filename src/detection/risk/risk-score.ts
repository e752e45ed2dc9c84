import type { TextLanguage } from '../../common/i18n/language';
import { MICROS, type PlayerState } from '../engine/player-state';
import type { Severity } from '../engine/rule-settings';
import { count, counted, LOCALES } from '../engine/texts';
import type { AlertStatus } from '../alerts/alert-status';
import { RULE_PACK } from '../rules/rule-pack';

/** Points an alert adds, by severity, before decay. */
export const SEVERITY_POINTS: Readonly<Record<Severity, number>> = {
  LOW: 5,
  MEDIUM: 12,
  HIGH: 25,
  CRITICAL: 40,
};
/** An alert's points halve every this many days after its last hit. */
export const HALF_LIFE_DAYS = 30;
/** A RESOLVED alert still says something happened: half its points. FALSE_POSITIVE: none. */
export const RESOLVED_SHARE = 0.5;
export const LINKED_PLAYER_POINTS = 5;
export const LINKED_PLAYERS_CAP = 15;
export const LOW_KYC_POINTS = 10;
/** How far back shared identifiers link players, and withdrawals at a low KYC level count. */
export const RISK_WINDOW = 30 * MICROS.DAY;
/** Withdrawals below this KYC level add to the score. */
export const KYC_LEVEL_TRUSTED = 2;

/** The player's withdrawals within RISK_WINDOW of `now`. */
export const recentWithdrawalsOf = (state: PlayerState | undefined, now: number): number =>
  (state?.withdrawals ?? []).filter((w) => w.at >= now - RISK_WINDOW).length;

/** Whether withdrawals at this KYC level add to the score (an unknown level does). */
export const isLowKyc = (kycLevel: number | null): boolean => (kycLevel ?? 0) < KYC_LEVEL_TRUSTED;
/** Levels: LOW below 30, MEDIUM below 60, HIGH from 60. */
export const LEVELS = { MEDIUM: 30, HIGH: 60 } as const;

export const RISK_LEVELS = ['LOW', 'MEDIUM', 'HIGH'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export interface RiskAlert {
  uuid: string;
  ruleCode: string;
  severity: Severity;
  status: string;
  /** µs. */
  lastHitAt: number;
}

export interface RiskInputs {
  alerts: readonly RiskAlert[];
  /** Other players sharing an identifier of a kind SHARED_IDENTIFIER alerts on. */
  linkedPlayers: number;
  kycLevel: number | null;
  /** Withdrawals within 30 days. */
  recentWithdrawals: number;
  /** µs. */
  now: number;
}

export type RiskFactor =
  | {
      factor: 'alert';
      points: number;
      alert_id: string;
      rule: string;
      severity: Severity;
      status: string;
      base_points: number;
      decay: number;
      age_days: number;
    }
  | { factor: 'linked_players'; points: number; players: number }
  | {
      factor: 'low_kyc_withdrawals';
      points: number;
      kyc_level: number | null;
      withdrawals: number;
    };

export interface RiskScore {
  score: number;
  level: RiskLevel;
  factors: RiskFactor[];
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * A player's risk, 0..100, explained factor by factor: each alert's severity points halving
 * every HALF_LIFE_DAYS after its last hit (half for RESOLVED, none for FALSE_POSITIVE), players
 * linked by a shared identifier, and withdrawals at a KYC level below 2.
 */
export function riskScore(inputs: RiskInputs): RiskScore {
  const factors: RiskFactor[] = [];
  for (const alert of inputs.alerts) {
    if (alert.status === 'FALSE_POSITIVE') continue;
    const ageDays = Math.max(0, (inputs.now - alert.lastHitAt) / MICROS.DAY);
    const decay =
      Math.pow(0.5, ageDays / HALF_LIFE_DAYS) * (alert.status === 'RESOLVED' ? RESOLVED_SHARE : 1);
    const base = SEVERITY_POINTS[alert.severity];
    const points = round1(base * decay);
    if (points <= 0) continue;
    factors.push({
      factor: 'alert',
      points,
      alert_id: alert.uuid,
      rule: alert.ruleCode,
      severity: alert.severity,
      status: alert.status,
      base_points: base,
      decay: Math.round(decay * 1000) / 1000,
      age_days: Math.floor(ageDays),
    });
  }
  if (inputs.linkedPlayers > 0) {
    factors.push({
      factor: 'linked_players',
      points: Math.min(LINKED_PLAYERS_CAP, LINKED_PLAYER_POINTS * inputs.linkedPlayers),
      players: inputs.linkedPlayers,
    });
  }
  if (isLowKyc(inputs.kycLevel) && inputs.recentWithdrawals > 0) {
    factors.push({
      factor: 'low_kyc_withdrawals',
      points: LOW_KYC_POINTS,
      kyc_level: inputs.kycLevel,
      withdrawals: inputs.recentWithdrawals,
    });
  }
  factors.sort((a, b) => b.points - a.points);
  const score = Math.min(100, Math.round(factors.reduce((sum, f) => sum + f.points, 0)));
  return { score, level: levelOf(score), factors };
}

export const levelOf = (score: number): RiskLevel =>
  score >= LEVELS.HIGH ? 'HIGH' : score >= LEVELS.MEDIUM ? 'MEDIUM' : 'LOW';

/** Severities as a factor's text says them (French: of a `gravité`; Portuguese: of a `gravidade`). */
const SEVERITY_WORDS: Record<TextLanguage, Record<Severity, string>> = {
  en: { LOW: 'low', MEDIUM: 'medium', HIGH: 'high', CRITICAL: 'critical' },
  fr: { LOW: 'faible', MEDIUM: 'moyenne', HIGH: 'élevée', CRITICAL: 'critique' },
  'pt-BR': { LOW: 'baixa', MEDIUM: 'média', HIGH: 'alta', CRITICAL: 'crítica' },
};

/** Statuses of an alert (French `alerte` is feminine, Portuguese `alerta` masculine). */
const STATUS_WORDS: Record<TextLanguage, Record<AlertStatus, string>> = {
  en: {
    OPEN: 'open',
    ACKNOWLEDGED: 'acknowledged',
    RESOLVED: 'resolved',
    FALSE_POSITIVE: 'false positive',
  },
  fr: {
    OPEN: 'ouverte',
    ACKNOWLEDGED: 'prise en charge',
    RESOLVED: 'résolue',
    FALSE_POSITIVE: 'faux positif',
  },
  'pt-BR': {
    OPEN: 'aberto',
    ACKNOWLEDGED: 'reconhecido',
    RESOLVED: 'resolvido',
    FALSE_POSITIVE: 'falso positivo',
  },
};

/** A decay as the factor carries it (three decimals), so that its product reads right. */
const DECAYS = new Map(
  Object.entries(LOCALES).map(([language, locale]) => [
    language,
    new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }),
  ]),
);
const decay = (value: number, language: TextLanguage) => DECAYS.get(language)!.format(value);

/** One factor in words, in the reader's language. */
export function describeFactor(f: RiskFactor, language: TextLanguage): string {
  const n = (x: number) => count(x, language);
  const of = (x: number, one: string, other: string) => counted(x, one, other, language);
  switch (f.factor) {
    case 'alert': {
      const title = RULE_PACK.find((rule) => rule.code === f.rule)?.title[language] ?? f.rule;
      const severity = SEVERITY_WORDS[language][f.severity];
      const status = STATUS_WORDS[language][f.status as AlertStatus] ?? f.status;
      return {
        en: `Alert "${title}" (${severity} severity, ${status}), last hit ${of(f.age_days, 'day', 'days')} ago: ${n(f.base_points)} points × ${decay(f.decay, language)} = ${n(f.points)}`,
        fr: `Alerte « ${title} » (gravité ${severity}, ${status}), dernier déclenchement il y a ${of(f.age_days, 'jour', 'jours')} : ${n(f.base_points)} points × ${decay(f.decay, language)} = ${n(f.points)}`,
        'pt-BR': `Alerta "${title}" (gravidade ${severity}, ${status}), último disparo há ${of(f.age_days, 'dia', 'dias')}: ${n(f.base_points)} pontos × ${decay(f.decay, language)} = ${n(f.points)}`,
      }[language];
    }
    case 'linked_players':
      return {
        en: `Shares an identifier with ${of(f.players, 'other player', 'other players')}: ${n(f.points)} points`,
        fr: `Partage un identifiant avec ${of(f.players, 'autre joueur', 'autres joueurs')} : ${n(f.points)} points`,
        'pt-BR': `Compartilha um identificador com ${of(f.players, 'outro jogador', 'outros jogadores')}: ${n(f.points)} pontos`,
      }[language];
    case 'low_kyc_withdrawals':
      return {
        en: `${of(f.withdrawals, 'withdrawal', 'withdrawals')} in 30 days at KYC level ${f.kyc_level ?? 'unknown'}: ${n(f.points)} points`,
        fr: `${of(f.withdrawals, 'retrait', 'retraits')} en 30 jours avec un niveau KYC ${f.kyc_level ?? 'inconnu'} : ${n(f.points)} points`,
        'pt-BR': `${of(f.withdrawals, 'saque', 'saques')} em 30 dias com nível de KYC ${f.kyc_level ?? 'desconhecido'}: ${n(f.points)} pontos`,
      }[language];
  }
}

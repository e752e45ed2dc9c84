import type { FieldIssue } from '../common/errors/app-error';
import type { Language } from '../common/i18n/language';

/**
 * The texts of field-level problems in the Betting Monitor API, by rule. Each issue names the
 * field (`label`) as the flat body does, and the seed's French example is kept to the letter:
 * `event_type invalide: INVALID`.
 */
type Params = { label: string; value: string; min: number; max: number };
type Catalog = Record<string, (p: Params) => string>;

const EN: Catalog = {
  required: (p) => `${p.label} is required`,
  object: (p) => `${p.label} must be an object`,
  array: (p) => `${p.label} must be an array`,
  string: (p) => `${p.label} must be a string`,
  notEmpty: (p) => `${p.label} must not be empty`,
  text: (p) => `${p.label} must be valid Unicode text`,
  padded: (p) => `${p.label} must not begin or end with spaces`,
  control: (p) => `${p.label} must not contain control characters`,
  tooLong: (p) => `${p.label} must be at most ${p.max} characters long`,
  code: (p) => `invalid ${p.label}: ${p.value}`,
  country: (p) => `invalid ${p.label}: ${p.value} (an ISO 3166-1 alpha-3 code such as SEN)`,
  currency: (p) => `invalid ${p.label}: ${p.value} (an ISO 4217 code such as XOF)`,
  integer: (p) => `${p.label} must be an integer`,
  number: (p) => `${p.label} must be a number`,
  range: (p) => `${p.label} must be between ${p.min} and ${p.max}`,
  ip: (p) => `invalid ${p.label}: ${p.value} (an IPv4 or IPv6 address)`,
  timestamp: (p) =>
    `invalid ${p.label}: ${p.value} (an ISO 8601 date-time with a time zone, such as 2026-01-31T12:00:00Z)`,
  timeRange: (p) =>
    `${p.label} must be after 2000-01-01 and at most 24 hours ahead of now: ${p.value}`,
  batchSize: (p) => `${p.label} must hold from ${p.min} to ${p.max} events`,
  conflict: (p) => `${p.label} ${p.value} was already received with different content`,
  otherBrand: (p) => `${p.label} ${p.value} is already used by another brand of your team`,
};

const FR: Catalog = {
  required: (p) => `${p.label} est obligatoire`,
  object: (p) => `${p.label} doit être un objet`,
  array: (p) => `${p.label} doit être un tableau`,
  string: (p) => `${p.label} doit être une chaîne de caractères`,
  notEmpty: (p) => `${p.label} ne doit pas être vide`,
  text: (p) => `${p.label} doit être un texte Unicode valide`,
  padded: (p) => `${p.label} ne doit ni commencer ni finir par des espaces`,
  control: (p) => `${p.label} ne doit pas contenir de caractères de contrôle`,
  tooLong: (p) => `${p.label} doit contenir au plus ${p.max} caractères`,
  code: (p) => `${p.label} invalide: ${p.value}`,
  country: (p) => `${p.label} invalide: ${p.value} (code ISO 3166-1 alpha-3, par exemple SEN)`,
  currency: (p) => `${p.label} invalide: ${p.value} (code ISO 4217, par exemple XOF)`,
  integer: (p) => `${p.label} doit être un entier`,
  number: (p) => `${p.label} doit être un nombre`,
  range: (p) => `${p.label} doit être compris entre ${p.min} et ${p.max}`,
  ip: (p) => `${p.label} invalide: ${p.value} (adresse IPv4 ou IPv6)`,
  timestamp: (p) =>
    `${p.label} invalide: ${p.value} (date-heure ISO 8601 avec fuseau, par exemple 2026-01-31T12:00:00Z)`,
  timeRange: (p) =>
    `${p.label} doit être postérieur au 2000-01-01 et au plus 24 heures après maintenant: ${p.value}`,
  batchSize: (p) => `${p.label} doit contenir de ${p.min} à ${p.max} événements`,
  conflict: (p) => `${p.label} ${p.value} déjà reçu avec un contenu différent`,
  otherBrand: (p) => `${p.label} ${p.value} est déjà utilisé par une autre marque de votre équipe`,
};

/** class-validator's rule names, for the API's DTO-validated routes. */
const CLASS_VALIDATOR_RULES: Record<string, string> = {
  isDefined: 'required',
  isNotEmpty: 'notEmpty',
  isString: 'string',
  isInt: 'integer',
  isNumber: 'number',
  isObject: 'object',
  isArray: 'array',
};

const CATALOGS: Record<Language, Catalog> = { en: EN, fr: FR };

/** The text of one issue in `language`; the issue's own (English) message for a rule not here. */
export function monitorFieldMessage(issue: FieldIssue, language: Language): string {
  const rule = CATALOGS.en[issue.constraint]
    ? issue.constraint
    : CLASS_VALIDATOR_RULES[issue.constraint];
  const render = rule ? CATALOGS[language][rule] : undefined;
  if (!render) return issue.message;
  return render({ label: issue.field, value: '', min: 0, max: 0, ...issue.params } as Params);
}

/** An issue of rule `constraint`, with its English message. */
export function monitorIssue(
  field: string,
  constraint: keyof typeof EN,
  params: Partial<Params> & { label: string },
): FieldIssue {
  const issue: FieldIssue = { field, constraint, message: '', params };
  issue.message = monitorFieldMessage(issue, 'en');
  return issue;
}

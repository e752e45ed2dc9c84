import type { FieldIssue } from '../common/errors/app-error';
import type { Language } from '../common/i18n/language';

/**
 * The texts of field-level problems in the Betting Monitor API, by rule. Each issue names the
 * field (`label`) as the flat body does, and the seed's French example is kept to the letter:
 * `event_type invalide: INVALID`.
 */
type Params = {
  label: string;
  value: string;
  min: number;
  max: number;
  choices: readonly string[];
};
type Catalog = Record<string, (p: Params) => string>;

/** `a, b or c` / `a, b ou c`. */
const either = (choices: readonly string[], or: string) =>
  choices.length < 2
    ? choices.join('')
    : `${choices.slice(0, -1).join(', ')} ${or} ${choices[choices.length - 1]}`;
const listed = (choices: readonly string[]) => choices.join(', ');

const EN = {
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
  // The routes checked by hand (detection, webhooks): bodies, filters, pages.
  bodyObject: () => 'the body must be a JSON object',
  unknownField: (p) => `unknown field ${p.label}; expected ${either(p.choices, 'or')}`,
  sendOneOf: (p) => `send at least one of ${listed(p.choices)}`,
  oneOf: (p) => `${p.label} must be one of ${listed(p.choices)}`,
  either: (p) => `${p.label} must be ${either(p.choices, 'or')}`,
  integerRange: (p) => `${p.label} must be an integer from ${p.min} to ${p.max}`,
  unknownQuery: (p) => `unknown query parameter ${p.label}; expected one of ${listed(p.choices)}`,
  noQuery: (p) => `unknown query parameter ${p.label}; this route takes none`,
  filterText: (p) => `${p.label} must be given once, as text of 1 to ${p.max} characters`,
  filterChoice: (p) => `invalid ${p.label} "${p.value}"; expected ${listed(p.choices)}`,
  filterTime: (p) =>
    `${p.label} must be an ISO 8601 time with a zone, such as 2026-01-31T00:00:00Z`,
  sort: (p) => `${p.label} must be ${either(p.choices, 'or')}, with - for descending`,
  cpf: (p) => `${p.label} must be a valid CPF: 11 digits, bare or as 000.000.000-00`,
  plainText: (p) =>
    `${p.label} must be text of 1 to ${p.max} characters, without control characters`,
  trimmedText: (p) =>
    `${p.label} must be text of 1 to ${p.max} characters, without control characters or surrounding spaces`,
  trimmedTextOrNull: (p) =>
    `${p.label} must be text of 1 to ${p.max} characters, without control characters or surrounding spaces, or null`,
  ipOfKind: (p) => `${p.label} must be an IPv4 or IPv6 address for kind ip`,
  after: (p) => `${p.label} must be after ${p.value}`,
  nothingToChange: (p) => `nothing to change; give one of ${listed(p.choices)}`,
  nonEmptyList: (p) => `${p.label} must be a non-empty list of ${listed(p.choices)}`,
  optionalText: (p) =>
    `${p.label} must be text of at most ${p.max} characters, without control characters`,
  // Webhook endpoints.
  endpointLimit: (p) => `a team has at most ${p.max} webhook endpoints; delete one first`,
  onlyFailed: (p) => `${p.label} must be failed (only the failed deliveries), or absent`,
  webhookUrl: (p) =>
    `${p.label} must be an absolute http or https URL of at most ${p.max} characters, without credentials or fragment`,
  unresolvableHost: (p) => `the host of ${p.label} does not resolve`,
  privateAddress: (p) =>
    `${p.label} leads to a private, loopback or link-local address (${p.value}); webhooks are sent to public addresses only`,
  rateLimit: (p) =>
    `${p.label} must be an integer from ${p.min} to ${p.max} (deliveries a second), or null`,
  // A rule's parameters (PUT /api/v1/rules/:code); the field names the parameter.
  unknownParameter: (p) => `unknown parameter ${p.label}`,
  unknownKey: (p) => `unknown key ${p.value}; expected one of ${listed(p.choices)}`,
  notCurrency: (p) => `${p.value} is not an ISO 4217 currency code`,
  minorUnits: () => 'must be a positive integer amount in minor units',
  atMost: (p) => `must be at most ${p.max}`,
  anyOf: (p) => `must be one of ${listed(p.choices)}`,
  aNumber: () => 'must be a number',
  anInteger: () => 'must be an integer',
  within: (p) => `must be from ${p.min} to ${p.max}`,
} satisfies Catalog;

const FR: Record<MonitorIssueKind, (p: Params) => string> = {
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
  bodyObject: () => 'le corps de la requête doit être un objet JSON',
  unknownField: (p) => `champ inconnu ${p.label} ; champs attendus : ${either(p.choices, 'ou')}`,
  sendOneOf: (p) => `envoyez au moins l'un des champs ${listed(p.choices)}`,
  oneOf: (p) => `${p.label} doit valoir l'une de ces valeurs : ${listed(p.choices)}`,
  either: (p) => `${p.label} doit valoir ${either(p.choices, 'ou')}`,
  integerRange: (p) => `${p.label} doit être un entier de ${p.min} à ${p.max}`,
  unknownQuery: (p) =>
    `paramètre de requête inconnu ${p.label} ; paramètres attendus : ${listed(p.choices)}`,
  noQuery: (p) => `paramètre de requête inconnu ${p.label} : cette route n'en prend aucun`,
  filterText: (p) =>
    `${p.label} doit être donné une seule fois, en texte de 1 à ${p.max} caractères`,
  filterChoice: (p) =>
    `${p.label} invalide « ${p.value} » ; valeurs attendues : ${listed(p.choices)}`,
  filterTime: (p) =>
    `${p.label} doit être une date-heure ISO 8601 avec fuseau, par exemple 2026-01-31T00:00:00Z`,
  sort: (p) =>
    `${p.label} doit valoir ${either(p.choices, 'ou')}, précédé de - pour l'ordre décroissant`,
  cpf: (p) =>
    `${p.label} doit être un CPF valide : 11 chiffres, seuls ou sous la forme 000.000.000-00`,
  plainText: (p) =>
    `${p.label} doit être un texte de 1 à ${p.max} caractères, sans caractères de contrôle`,
  trimmedText: (p) =>
    `${p.label} doit être un texte de 1 à ${p.max} caractères, sans caractères de contrôle ni espaces autour`,
  trimmedTextOrNull: (p) =>
    `${p.label} doit être un texte de 1 à ${p.max} caractères, sans caractères de contrôle ni espaces autour, ou null`,
  ipOfKind: (p) => `${p.label} doit être une adresse IPv4 ou IPv6 pour le type ip`,
  after: (p) => `${p.label} doit être postérieur à ${p.value}`,
  nothingToChange: (p) => `rien à modifier ; donnez l'un des champs ${listed(p.choices)}`,
  nonEmptyList: (p) => `${p.label} doit être une liste non vide parmi ${listed(p.choices)}`,
  optionalText: (p) =>
    `${p.label} doit être un texte d'au plus ${p.max} caractères, sans caractères de contrôle`,
  endpointLimit: (p) =>
    `une équipe a au plus ${p.max} points de terminaison webhook ; supprimez-en un d'abord`,
  onlyFailed: (p) =>
    `${p.label} doit valoir failed (les livraisons en échec seulement) ou être absent`,
  webhookUrl: (p) =>
    `${p.label} doit être une URL http ou https absolue d'au plus ${p.max} caractères, sans identifiants ni fragment`,
  unresolvableHost: (p) => `l'hôte de ${p.label} ne se résout pas`,
  privateAddress: (p) =>
    `${p.label} mène à une adresse privée, de bouclage ou lien-local (${p.value}) ; les webhooks ne sont envoyés qu'à des adresses publiques`,
  rateLimit: (p) =>
    `${p.label} doit être un entier de ${p.min} à ${p.max} (livraisons par seconde), ou null`,
  unknownParameter: (p) => `paramètre inconnu ${p.label}`,
  unknownKey: (p) => `clé inconnue ${p.value} ; clés attendues : ${listed(p.choices)}`,
  notCurrency: (p) => `${p.value} n'est pas un code de devise ISO 4217`,
  minorUnits: () => 'doit être un montant entier positif, en unités mineures',
  atMost: (p) => `doit être au plus ${p.max}`,
  anyOf: (p) => `doit valoir l'une de ces valeurs : ${listed(p.choices)}`,
  aNumber: () => 'doit être un nombre',
  anInteger: () => 'doit être un entier',
  within: (p) => `doit être compris entre ${p.min} et ${p.max}`,
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
  const rule = Object.hasOwn(CATALOGS.en, issue.constraint)
    ? issue.constraint
    : CLASS_VALIDATOR_RULES[issue.constraint];
  const render = rule ? CATALOGS[language][rule] : undefined;
  if (!render) return issue.message;
  return render({
    label: issue.field,
    value: '',
    min: 0,
    max: 0,
    choices: [],
    ...issue.params,
  } as Params);
}

/** The kinds of field-level problems the monitor API words in each of its languages. */
export type MonitorIssueKind = keyof typeof EN;
/** What fills an issue's text: the field's name as the message says it, a value, bounds, choices. */
export type MonitorIssueParams = Partial<Params>;

/** An issue of rule `constraint`, with its English message. */
export function monitorIssue(
  field: string,
  constraint: MonitorIssueKind,
  params: Partial<Params> & { label: string },
): FieldIssue {
  const issue: FieldIssue = { field, constraint, message: '', params };
  issue.message = monitorFieldMessage(issue, 'en');
  return issue;
}

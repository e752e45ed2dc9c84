import {
  unsupportedMediaText,
  type MediaRefusal,
  type FieldIssue,
} from '../common/errors/app-error';
import type { Language } from '../common/i18n/language';
import { monitorFieldMessage } from '../monitor-api/monitor-field-messages';
import type { DashboardErrorCode } from './dashboard.wire';

/** What fills a dashboard refusal's text: the role it needs, the email already taken. */
export interface DashboardErrorParams {
  role?: string;
  email?: string;
}

/** Every text the dashboard API answers with itself, in each language its errors speak. */
export interface DashboardMessages {
  own: Record<DashboardErrorCode, (params: DashboardErrorParams) => string>;
  malformedBody: string;
  unsupportedMediaType(refused: MediaRefusal | null): string;
  payloadTooLarge: string;
  notLoggedIn: string;
  forbidden: string;
  rateLimited(retryAfterSeconds: number): string;
  routeNotFound(method: string, path: string): string;
  unavailable(retryAfterSeconds: number, errorId: string | null): string;
  internal(errorId: string | null): string;
}

export const DASHBOARD_MESSAGES: Record<Language, DashboardMessages> = {
  en: {
    own: {
      not_logged_in: () => 'Log in first: no live session',
      wrong_credentials: () => 'Wrong email or password',
      login_blocked: () => 'Too many failed logins: try again in a few minutes, or ask your admin',
      csrf_failed: () =>
        'X-CSRF-Token is missing or wrong: reload the page (GET /dashboard/api/session tells it)',
      forbidden_role: ({ role }) => `This needs the ${role} role or higher`,
      invitation_invalid: () =>
        'This invitation link is unknown, used or expired: ask your admin for a new one',
      last_admin: () => 'This is the team’s last active admin: make another user admin first',
      email_taken: ({ email }) => `A dashboard user already has the email ${email}`,
    },
    malformedBody: 'The body must be valid JSON',
    unsupportedMediaType: unsupportedMediaText,
    payloadTooLarge: 'The body is too large',
    notLoggedIn: 'Log in first',
    forbidden: 'Your role does not allow this',
    rateLimited: (seconds) => `Too many requests: retry in ${seconds} s`,
    routeNotFound: (method, path) => `No route ${method} ${path}`,
    unavailable: (seconds, errorId) =>
      `Out of service for a moment${errorId ? ` (error id ${errorId})` : ''}: retry in ${seconds} s`,
    internal: (errorId) =>
      `A failure of ours${errorId ? ` (error id ${errorId})` : ''}; nothing was changed`,
  },
  fr: {
    own: {
      not_logged_in: () => 'Connectez-vous d’abord : aucune session active',
      wrong_credentials: () => 'E-mail ou mot de passe incorrect',
      login_blocked: () =>
        'Trop de connexions échouées : réessayez dans quelques minutes, ou demandez à votre administrateur',
      csrf_failed: () =>
        'X-CSRF-Token absent ou incorrect : rechargez la page (GET /dashboard/api/session le donne)',
      forbidden_role: ({ role }) => `Il faut le rôle ${role} ou un rôle supérieur`,
      invitation_invalid: () =>
        'Ce lien d’invitation est inconnu, déjà utilisé ou expiré : demandez-en un nouveau à votre administrateur',
      last_admin: () =>
        'C’est le dernier administrateur actif de l’équipe : nommez d’abord un autre administrateur',
      email_taken: ({ email }) => `Un utilisateur du tableau de bord a déjà l’e-mail ${email}`,
    },
    malformedBody: 'Le corps doit être du JSON valide',
    unsupportedMediaType: (refused) =>
      refused === null
        ? 'Content-Type doit être application/json'
        : refused.kind === 'encoding'
          ? `Le Content-Encoding ${refused.value} n’est pas pris en charge : envoyez le corps non compressé`
          : `Le charset ${refused.value} n’est pas pris en charge : envoyez le corps en UTF-8`,
    payloadTooLarge: 'Le corps est trop volumineux',
    notLoggedIn: 'Connectez-vous d’abord',
    forbidden: 'Votre rôle ne le permet pas',
    rateLimited: (seconds) => `Trop de requêtes : réessayez dans ${seconds} s`,
    routeNotFound: (method, path) => `Aucune route ${method} ${path}`,
    unavailable: (seconds, errorId) =>
      `Service momentanément indisponible${errorId ? ` (identifiant ${errorId})` : ''} : réessayez dans ${seconds} s`,
    internal: (errorId) =>
      `Une panne de notre côté${errorId ? ` (identifiant ${errorId})` : ''} ; rien n’a été modifié`,
  },
};

/** The first argument of the rule's decorator (`@MaxLength(254)`: 254; `@IsIn(ROLES)`: the roles). */
const argOf = (issue: FieldIssue) => {
  const [first] = (issue.params?.args as unknown[] | undefined) ?? [];
  return Array.isArray(first) ? first.join(', ') : String(first ?? '');
};

/** French texts of the rules the dashboard's own forms check (class-validator's and its own). */
const FRENCH_FIELD_TEXTS: Record<string, (field: string, issue: FieldIssue) => string> = {
  isDefined: (field) => `${field} est obligatoire`,
  isObject: () => 'le corps doit être un objet JSON',
  isString: (field) => `${field} doit être une chaîne de caractères`,
  maxLength: (field, issue) => `${field} doit faire au plus ${argOf(issue)} caractères`,
  isIn: (field, issue) => `${field} doit valoir l'une de ces valeurs : ${argOf(issue)}`,
  isCleanText: (field) => `${field} doit être un texte sans caractères de contrôle`,
  isEmailAddress: (field) => `${field} doit être une adresse e-mail`,
  isBoolean: (field) => `${field} doit valoir true ou false`,
  isInt: (field) => `${field} doit être un entier`,
  min: (field, issue) => `${field} doit valoir au moins ${argOf(issue)}`,
  max: (field, issue) => `${field} doit valoir au plus ${argOf(issue)}`,
};

/**
 * A field problem of a dashboard request in `language`: the validator's own English text, or
 * its French one (the dashboard's forms' rules, then the monitor's for the routes they share).
 */
export function dashboardFieldMessage(issue: FieldIssue, language: Language): string {
  if (language === 'en') return issue.message;
  const french = FRENCH_FIELD_TEXTS[issue.constraint];
  return french ? french(issue.field, issue) : monitorFieldMessage(issue, language);
}

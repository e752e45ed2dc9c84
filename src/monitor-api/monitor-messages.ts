import type { Language } from '../common/i18n/language';
import {
  unavailableText,
  unsupportedMediaText,
  type MediaRefusal,
  type ConflictReason,
  type UnauthorizedReason,
} from '../common/errors/app-error';

/** Every text the Betting Monitor API answers with, in each language it speaks. */
export interface MonitorMessages {
  unauthorized: Record<UnauthorizedReason, string>;
  forbidden: string;
  rateLimited(limit: number, retryAfter: number): string;
  malformedBody: string;
  payloadTooLarge(limitBytes: number): string;
  /** `encoding`: the refused `Content-Encoding`, when the body's type was not the problem. */
  unsupportedMediaType(refused: MediaRefusal | null): string;
  routeNotFound(method: string, path: string): string;
  validationFailed: string;
  /** When more problems were found than an answer lists. */
  validationFailedListing(listed: number, found: number): string;
  notFound(resource: string, id: string): string;
  conflict(
    resource: string,
    id: string,
    existingRef: string | null,
    reason: ConflictReason,
  ): string;
  illegalMove(resource: string, id: string, from: string, to: string): string;
  unavailable(retryAfter: number, errorId: string): string;
  internal(errorId: string): string;
}

/** The resources' names in French; one not listed keeps its English name. */
const FRENCH_RESOURCES: Record<string, string> = {
  'API key': 'Clé API',
  Alert: 'Alerte',
  'Allowlisted identifier': 'Identifiant autorisé',
  Bet: 'Pari',
  'Bet slip': 'Ticket',
  'Betting event': 'Événement de pari',
  Delivery: 'Envoi',
  Event: 'Événement',
  Player: 'Joueur',
  Rule: 'Règle',
  'Sports bet': 'Pari sportif',
  Team: 'Équipe',
  User: 'Utilisateur',
};
const fr = (resource: string) => FRENCH_RESOURCES[resource] ?? resource;

export const MONITOR_MESSAGES: Record<Language, MonitorMessages> = {
  en: {
    unauthorized: {
      missing_key: 'Missing API key: send it in the X-API-Key header',
      invalid_key: 'Invalid API key',
      revoked_key: 'This API key has been revoked',
      no_auth_declared: 'This route is not available',
    },
    forbidden: 'This route serves team-wide API keys only; this key is limited to one brand',
    rateLimited: (limit, retryAfter) =>
      `Rate limit of ${limit} requests per minute exceeded; retry in ${retryAfter} s`,
    malformedBody: 'Malformed JSON body',
    payloadTooLarge: (limit) => `Request body exceeds the limit of ${limit} bytes`,
    unsupportedMediaType: unsupportedMediaText,
    routeNotFound: (method, path) => `Route ${method} ${path} not found`,
    validationFailed: 'Validation failed',
    validationFailedListing: (listed, found) =>
      `Validation failed: the first ${listed} of ${found} problems are listed`,
    notFound: (resource, id) => `${resource} ${id} not found`,
    conflict: (resource, id, existingRef, reason) =>
      reason === 'other_brand'
        ? `${resource} ${id} is already used by another brand of your team`
        : `${resource} ${id} was already received with different content` +
          (existingRef ? ` (uuid ${existingRef})` : ''),
    illegalMove: (resource, id, from, to) =>
      from === to
        ? `${resource} ${id} is ${from} already`
        : `${resource} ${id} cannot move from ${from} to ${to}`,
    unavailable: unavailableText,
    internal: (errorId) => `Internal server error (error id ${errorId})`,
  },
  fr: {
    unauthorized: {
      missing_key: "Clé API manquante : envoyez-la dans l'en-tête X-API-Key",
      invalid_key: 'Clé API invalide',
      revoked_key: 'Cette clé API a été révoquée',
      no_auth_declared: "Cette route n'est pas disponible",
    },
    forbidden:
      "Cette route est réservée aux clés API de toute l'équipe ; cette clé est limitée à une marque",
    rateLimited: (limit, retryAfter) =>
      `Limite de ${limit} requêtes par minute dépassée ; réessayez dans ${retryAfter} s`,
    malformedBody: 'Corps JSON mal formé',
    payloadTooLarge: (limit) => `Le corps de la requête dépasse la limite de ${limit} octets`,
    unsupportedMediaType: (refused) =>
      refused === null
        ? 'Le Content-Type doit être application/json'
        : refused.kind === 'encoding'
          ? `Le Content-Encoding ${refused.value} n’est pas pris en charge : envoyez le corps non compressé`
          : `Le charset ${refused.value} n’est pas pris en charge : envoyez le corps en UTF-8`,
    routeNotFound: (method, path) => `Route ${method} ${path} introuvable`,
    validationFailed: 'Échec de la validation',
    validationFailedListing: (listed, found) =>
      `Échec de la validation : les ${listed} premiers des ${found} problèmes sont listés`,
    notFound: (resource, id) => `${fr(resource)} ${id} introuvable`,
    conflict: (resource, id, existingRef, reason) =>
      reason === 'other_brand'
        ? `${fr(resource)} ${id} : déjà utilisé par une autre marque de votre équipe`
        : `${fr(resource)} ${id} : déjà reçu avec un contenu différent` +
          (existingRef ? ` (uuid ${existingRef})` : ''),
    illegalMove: (resource, id, from, to) =>
      from === to
        ? `${fr(resource)} ${id} : déjà ${from}`
        : `${fr(resource)} ${id} : impossible de passer de ${from} à ${to}`,
    unavailable: (retryAfter, errorId) =>
      `Service momentanément indisponible ; réessayez dans ${retryAfter} s (identifiant ${errorId})`,
    internal: (errorId) => `Erreur interne du serveur (identifiant ${errorId})`,
  },
};

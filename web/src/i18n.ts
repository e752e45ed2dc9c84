import { signal } from '@preact/signals';

export type Language = 'en' | 'fr';

const en = {
  'app.title': 'Betting Monitor',
  'app.skip': 'Skip to content',
  'app.language': 'Language',
  'app.logout': 'Log out',
  'app.loading': 'Loading…',
  'app.error': 'Something went wrong',
  'nav.alerts': 'Alert queue',
  'nav.keys': 'API keys',
  'nav.playground': 'API playground',
  'nav.main': 'Main',
  'login.title': 'Log in to the Betting Monitor dashboard',
  'login.email': 'Email',
  'login.password': 'Password',
  'login.submit': 'Log in',
  'alerts.title': 'Alert queue',
  'alerts.status': 'Status',
  'alerts.severity': 'Severity',
  'alerts.rule': 'Rule',
  'alerts.assignee': 'Assignee',
  'alerts.mine': 'Assigned to me',
  'alerts.sort': 'Sort',
  'alerts.sort.newest': 'Newest first',
  'alerts.sort.oldest': 'Oldest first',
  'alerts.sort.severity': 'Most severe first',
  'alerts.any': 'Any',
  'alerts.player': 'Player',
  'alerts.reason': 'Reason',
  'alerts.lastHit': 'Last hit',
  'alerts.hits': 'Hits',
  'alerts.none': 'No alert matches these filters.',
  'alerts.total': '{total} alerts',
  'alerts.previous': 'Previous page',
  'alerts.next': 'Next page',
  'alerts.page': 'Page {page} of {pages}',
  'alert.back': 'Back to the queue',
  'alert.title': 'Alert {rule}',
  'alert.events': 'Events',
  'alert.history': 'History',
  'alert.note': 'Note',
  'alert.assignMe': 'Assign to me',
  'alert.acknowledge': 'Acknowledge',
  'alert.resolve': 'Resolve',
  'alert.falsePositive': 'False positive',
  'alert.saved': 'Saved.',
  'alert.created': 'Created',
  'alert.updated': 'Updated',
  'alert.by': 'by {actor}',
  'status.OPEN': 'Open',
  'status.ACKNOWLEDGED': 'Acknowledged',
  'status.RESOLVED': 'Resolved',
  'status.FALSE_POSITIVE': 'False positive',
  'severity.LOW': 'Low',
  'severity.MEDIUM': 'Medium',
  'severity.HIGH': 'High',
  'severity.CRITICAL': 'Critical',
  'keys.title': 'API keys',
  'keys.label': 'Label',
  'keys.brand': 'Brand',
  'keys.allBrands': 'All brands of the team',
  'keys.create': 'Create a key',
  'keys.created': 'Your new key. Copy it now: it is shown only once.',
  'keys.copy': 'Copy',
  'keys.copied': 'Copied',
  'keys.prefix': 'Key',
  'keys.createdAt': 'Created',
  'keys.lastUsed': 'Last used',
  'keys.revoked': 'Revoked',
  'keys.revoke': 'Revoke',
  'keys.confirmRevoke': 'Revoke the key {prefix}? Requests with it will be refused at once.',
  'keys.never': 'Never',
  'keys.active': 'Active',
  'playground.title': 'API playground',
  'playground.intro':
    'Send a request to the Betting Monitor API with a key you paste here. The page never stores it.',
  'playground.key': 'API key',
  'playground.route': 'Route',
  'playground.path': 'Path',
  'playground.body': 'Request body (JSON)',
  'playground.send': 'Send',
  'playground.response': 'Response',
  'playground.status': 'Status',
  'playground.headers': 'Headers',
  'playground.invalidJson': 'The body is not valid JSON: {message}',
} as const;

export type TextKey = keyof typeof en;

const fr: Record<TextKey, string> = {
  'app.title': 'Betting Monitor',
  'app.skip': 'Aller au contenu',
  'app.language': 'Langue',
  'app.logout': 'Se déconnecter',
  'app.loading': 'Chargement…',
  'app.error': 'Une erreur est survenue',
  'nav.alerts': 'File des alertes',
  'nav.keys': 'Clés d’API',
  'nav.playground': 'Bac à sable de l’API',
  'nav.main': 'Menu principal',
  'login.title': 'Connexion au tableau de bord Betting Monitor',
  'login.email': 'E-mail',
  'login.password': 'Mot de passe',
  'login.submit': 'Se connecter',
  'alerts.title': 'File des alertes',
  'alerts.status': 'Statut',
  'alerts.severity': 'Gravité',
  'alerts.rule': 'Règle',
  'alerts.assignee': 'Assignée à',
  'alerts.mine': 'Assignées à moi',
  'alerts.sort': 'Tri',
  'alerts.sort.newest': 'Plus récentes d’abord',
  'alerts.sort.oldest': 'Plus anciennes d’abord',
  'alerts.sort.severity': 'Plus graves d’abord',
  'alerts.any': 'Toutes',
  'alerts.player': 'Joueur',
  'alerts.reason': 'Motif',
  'alerts.lastHit': 'Dernier déclenchement',
  'alerts.hits': 'Déclenchements',
  'alerts.none': 'Aucune alerte ne correspond à ces filtres.',
  'alerts.total': '{total} alertes',
  'alerts.previous': 'Page précédente',
  'alerts.next': 'Page suivante',
  'alerts.page': 'Page {page} sur {pages}',
  'alert.back': 'Retour à la file',
  'alert.title': 'Alerte {rule}',
  'alert.events': 'Événements',
  'alert.history': 'Historique',
  'alert.note': 'Note',
  'alert.assignMe': 'M’assigner',
  'alert.acknowledge': 'Prendre en charge',
  'alert.resolve': 'Résoudre',
  'alert.falsePositive': 'Faux positif',
  'alert.saved': 'Enregistré.',
  'alert.created': 'Créée',
  'alert.updated': 'Mise à jour',
  'alert.by': 'par {actor}',
  'status.OPEN': 'Ouverte',
  'status.ACKNOWLEDGED': 'Prise en charge',
  'status.RESOLVED': 'Résolue',
  'status.FALSE_POSITIVE': 'Faux positif',
  'severity.LOW': 'Faible',
  'severity.MEDIUM': 'Moyenne',
  'severity.HIGH': 'Élevée',
  'severity.CRITICAL': 'Critique',
  'keys.title': 'Clés d’API',
  'keys.label': 'Libellé',
  'keys.brand': 'Marque',
  'keys.allBrands': 'Toutes les marques de l’équipe',
  'keys.create': 'Créer une clé',
  'keys.created': 'Votre nouvelle clé. Copiez-la maintenant : elle n’est affichée qu’une fois.',
  'keys.copy': 'Copier',
  'keys.copied': 'Copiée',
  'keys.prefix': 'Clé',
  'keys.createdAt': 'Créée le',
  'keys.lastUsed': 'Dernière utilisation',
  'keys.revoked': 'Révoquée',
  'keys.revoke': 'Révoquer',
  'keys.confirmRevoke':
    'Révoquer la clé {prefix} ? Les requêtes qui la portent seront refusées aussitôt.',
  'keys.never': 'Jamais',
  'keys.active': 'Active',
  'playground.title': 'Bac à sable de l’API',
  'playground.intro':
    'Envoyez une requête à l’API Betting Monitor avec une clé collée ici. La page ne la conserve jamais.',
  'playground.key': 'Clé d’API',
  'playground.route': 'Route',
  'playground.path': 'Chemin',
  'playground.body': 'Corps de la requête (JSON)',
  'playground.send': 'Envoyer',
  'playground.response': 'Réponse',
  'playground.status': 'Statut',
  'playground.headers': 'En-têtes',
  'playground.invalidJson': 'Le corps n’est pas un JSON valide : {message}',
};

const TEXTS: Record<Language, Record<TextKey, string>> = { en, fr };
const STORED = 'bm_dashboard_language';

/** The browser's first language we speak, unless the user chose one on this device. */
function initialLanguage(): Language {
  const chosen = localStorage.getItem(STORED);
  if (chosen === 'en' || chosen === 'fr') return chosen;
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'fr' || base === 'en') return base;
  }
  return 'en';
}

export const language = signal<Language>(initialLanguage());

export function chooseLanguage(next: Language): void {
  localStorage.setItem(STORED, next);
  language.value = next;
  document.documentElement.lang = next;
}

/** A text in the current language, `{name}` replaced by `values.name`. */
export function t(key: TextKey, values: Record<string, string | number> = {}): string {
  return TEXTS[language.value][key].replace(/\{(\w+)\}/g, (_, name: string) =>
    String(values[name] ?? `{${name}}`),
  );
}

/** A date and time as the user's language writes it. */
export const dateTime = (iso: string | null) =>
  iso === null
    ? '—'
    : new Intl.DateTimeFormat(language.value === 'fr' ? 'fr-FR' : 'en-GB', {
        dateStyle: 'medium',
        timeStyle: 'short',
      }).format(new Date(iso));

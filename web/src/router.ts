import { signal } from '@preact/signals';

/**
 * Routes live in the URL's hash (`#/alerts/<id>`): a link can be shared and bookmarked, and the
 * service serves one page for all of them.
 */
export const route = signal(currentRoute());

function currentRoute(): string[] {
  return location.hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
}

addEventListener('hashchange', () => (route.value = currentRoute()));

export const href = (...parts: (string | number)[]) =>
  `#/${parts.map((part) => encodeURIComponent(String(part))).join('/')}`;

export const go = (...parts: (string | number)[]) => (location.hash = href(...parts));

export type Language = 'en' | 'fr';

const SUPPORTED: readonly Language[] = ['en', 'fr'];

/**
 * The supported language the client prefers, from `Accept-Language` (quality values honoured);
 * English when none is supported.
 */
export function preferredLanguage(acceptLanguage: string | string[] | undefined): Language {
  return pickLanguage(acceptLanguage, SUPPORTED, 'en');
}

/**
 * Languages of texts written for people (alert reasons, rule titles): Brazilian Portuguese too,
 * for the AML analysts in Brazil. Errors stay in `Language`.
 */
export type TextLanguage = 'en' | 'fr' | 'pt-BR';
const TEXT_LANGUAGES: readonly TextLanguage[] = ['en', 'fr', 'pt-BR'];

/** The text language the client prefers (`pt`, `pt-BR` and `pt-PT` all read Brazilian texts). */
export function preferredTextLanguage(acceptLanguage: string | string[] | undefined): TextLanguage {
  return pickLanguage(acceptLanguage, TEXT_LANGUAGES, 'en');
}

/** The first of `supported`, by the header's quality values, matched on the primary subtag. */
function pickLanguage<L extends string>(
  acceptLanguage: string | string[] | undefined,
  supported: readonly L[],
  fallback: L,
): L {
  const header = Array.isArray(acceptLanguage) ? acceptLanguage.join(',') : acceptLanguage;
  if (!header) return fallback;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { language: tag.split('-')[0], quality: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.quality > 0 && !Number.isNaN(entry.quality))
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  const primary = (language: L): string => language.split('-')[0].toLowerCase();
  for (const entry of ranked) {
    const match = supported.find((language) => primary(language) === entry.language) as
      L | undefined;
    if (match) return match;
  }
  return fallback;
}

export type Language = 'en' | 'fr';

const SUPPORTED: readonly Language[] = ['en', 'fr'];

/**
 * The supported language the client prefers, from `Accept-Language` (quality values honoured);
 * English when none is supported.
 */
export function preferredLanguage(acceptLanguage: string | string[] | undefined): Language {
  const header = Array.isArray(acceptLanguage) ? acceptLanguage.join(',') : acceptLanguage;
  if (!header) return 'en';
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { language: tag.split('-')[0], quality: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.quality > 0 && !Number.isNaN(entry.quality))
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  return (
    (ranked.find((entry) => SUPPORTED.includes(entry.language as Language))
      ?.language as Language) ?? 'en'
  );
}

import type { TextLanguage } from '../../common/i18n/language';

/** A text in each language alert reasons and rule titles are written in. */
export type Texts = Readonly<Record<TextLanguage, string>>;

export const LOCALES: Record<TextLanguage, string> = {
  en: 'en-US',
  fr: 'fr-FR',
  'pt-BR': 'pt-BR',
};

/** One formatter a language: making one costs far more than formatting with it. */
const NUMBERS = new Map(
  Object.entries(LOCALES).map(([language, locale]) => [
    language,
    new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }),
  ]),
);

/** Amounts with cents show both digits: 12.50 BRL, not 12.5 BRL. */
const CENTS = new Map(
  Object.entries(LOCALES).map(([language, locale]) => [
    language,
    new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
  ]),
);

/**
 * Minor units as major units with their currency: 2,400,000 XOF; 2 400 000 XOF; 2.400.000 XOF;
 * 12.50 BRL when there are cents.
 */
export function money(cents: number, currency: string, language: TextLanguage): string {
  const major = cents / 100;
  const text = Number.isInteger(major)
    ? count(major, language)
    : CENTS.get(language)!.format(major);
  return `${text} ${currency}`;
}

export function count(n: number, language: TextLanguage): string {
  return NUMBERS.get(language)!.format(n);
}

const PLURALS = new Map(
  Object.entries(LOCALES).map(([language, locale]) => [language, new Intl.PluralRules(locale)]),
);

/** A number and its noun, as the language counts: 1 day, 0 jour, 2 dias. */
export function counted(n: number, one: string, other: string, language: TextLanguage): string {
  return `${count(n, language)} ${PLURALS.get(language)!.select(n) === 'one' ? one : other}`;
}

/** 38 min, 2 h 05, 3 d: the span between two event times, short. */
export function span(micros: number, language: TextLanguage): string {
  const minutes = Math.round(micros / 60_000_000);
  const day = language === 'en' ? 'd' : 'j';
  const dayText = language === 'pt-BR' ? 'd' : day;
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 48 * 60) {
    const rest = minutes % 60;
    return rest === 0
      ? `${Math.floor(minutes / 60)} h`
      : `${Math.floor(minutes / 60)} h ${String(rest).padStart(2, '0')}`;
  }
  return `${Math.round(minutes / 1440)} ${dayText}`;
}

/** 80% in English and Brazilian Portuguese, 80 % in French. */
export const percent = (ratio: number, language: TextLanguage): string =>
  `${count(Math.round(ratio * 1000) / 10, language)}${language === 'fr' ? ' %' : '%'}`;

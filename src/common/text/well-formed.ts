/** No half of a UTF-16 surrogate pair (not text, and not storable as sent). ES2024, in Node 20. */
export const isWellFormed = (text: string): boolean =>
  (text as string & { isWellFormed(): boolean }).isWellFormed();

// eslint-disable-next-line no-control-regex -- control characters are what this finds
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

/** Whether the text holds a control character (C0, DEL or C1): never part of an identifier. */
export const hasControlCharacters = (text: string): boolean => CONTROL_CHARACTERS.test(text);

/**
 * Whether a key has spaces around it. No stored key has (input refuses them), and MySQL and
 * MariaDB compare with trailing spaces ignored (PAD SPACE) where SQLite does not: a lookup by
 * such a key answers nothing on either database.
 */
export const hasSurroundingSpaces = (key: string): boolean => key !== key.trim();

/**
 * Whether the text has more than `max` characters, counted as MySQL counts them in a utf8mb4
 * column and as class-validator's `MaxLength` does: by code point, so that an emoji or a CJK
 * extension character is one, not the two UTF-16 units of `length`.
 */
export function isLongerThan(text: string, max: number): boolean {
  if (text.length <= max) return false;
  let characters = 0;
  for (const _ of text) if (++characters > max) return true;
  return false;
}

/** The text cut to at most `max` UTF-16 units, never between the two halves of a pair. */
export function cutAt(text: string, max: number): string {
  if (text.length <= max) return text;
  const last = text.charCodeAt(max - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}

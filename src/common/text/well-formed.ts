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

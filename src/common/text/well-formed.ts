/** No half of a UTF-16 surrogate pair (not text, and not storable as sent). ES2024, in Node 20. */
export const isWellFormed = (text: string): boolean =>
  (text as string & { isWellFormed(): boolean }).isWellFormed();

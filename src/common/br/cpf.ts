/**
 * Brazilian CPF (Cadastro de Pessoas Físicas): 11 digits, the last two check digits (modulo 11).
 * Accepted bare (`01234567890`) or formatted (`012.345.678-90`); stored as the 11 digits.
 */
const BARE = /^\d{11}$/;
const FORMATTED = /^(\d{3})\.(\d{3})\.(\d{3})-(\d{2})$/;

/** The CPF's 11 digits, or null when it is not a well-formed CPF with valid check digits. */
export function normalizeCpf(input: string): string | null {
  const formatted = FORMATTED.exec(input);
  const digits = formatted ? formatted.slice(1).join('') : BARE.test(input) ? input : null;
  if (!digits) return null;
  // Eleven equal digits pass the check-digit test but are not issued.
  if (/^(\d)\1{10}$/.test(digits)) return null;
  return checkDigit(digits, 9) === Number(digits[9]) &&
    checkDigit(digits, 10) === Number(digits[10])
    ? digits
    : null;
}

/** The check digit after the first `length` digits. */
function checkDigit(digits: string, length: number): number {
  let sum = 0;
  for (let i = 0; i < length; i++) sum += Number(digits[i]) * (length + 1 - i);
  const remainder = sum % 11;
  return remainder < 2 ? 0 : 11 - remainder;
}

/** `012.345.678-90` from `01234567890`. */
export function formatCpf(digits: string): string {
  return `${digits.slice(0, 3)}.${digits.slice(3, 6)}.${digits.slice(6, 9)}-${digits.slice(9)}`;
}

import { Transform } from 'class-transformer';

/**
 * A query parameter read as a number only when it is written in decimal digits. `Number()` alone
 * would take `0x10` for 16, `1e2` for 100, ` 5` for 5 and an empty value for 0; anything but
 * digits is left as sent, for the property's own rules (`@IsInt`, `@IsIn`) to refuse with their
 * message.
 */
export const DecimalQueryNumber = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && /^[0-9]{1,16}$/.test(value) ? Number(value) : value,
  );

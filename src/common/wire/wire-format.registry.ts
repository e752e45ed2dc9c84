import { Injectable } from '@nestjs/common';
import { GENERIC_WIRE } from './generic-wire';
import type { WireFormat } from './wire-format';

/** Which API owns a path, for errors that happen where no controller (and its filter) is known. */
@Injectable()
export class WireFormatRegistry {
  private readonly formats: WireFormat[] = [];

  register(format: WireFormat): void {
    if (!this.formats.includes(format)) this.formats.push(format);
  }

  resolve(path: string): WireFormat {
    const exact = this.formats.find((f) => f.paths.exact?.includes(path));
    if (exact) return exact;
    let best: { format: WireFormat; length: number } | null = null;
    for (const format of this.formats) {
      for (const prefix of format.paths.prefixes ?? []) {
        if (path.startsWith(prefix) && (!best || prefix.length > best.length)) {
          best = { format, length: prefix.length };
        }
      }
    }
    return best?.format ?? GENERIC_WIRE;
  }
}

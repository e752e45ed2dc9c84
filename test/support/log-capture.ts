import { Writable } from 'node:stream';

/** Collects the application's JSON log lines, for assertions on what was logged. */
export class LogCapture extends Writable {
  readonly lines: Record<string, unknown>[] = [];
  /** The lines as written, to check what parsing would hide (a key written twice). */
  readonly raw: string[] = [];

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line.trim()) continue;
      this.raw.push(line);
      this.lines.push(JSON.parse(line) as Record<string, unknown>);
    }
    done();
  }

  /** The lines whose serialised form contains `text`. */
  find(text: string): Record<string, unknown>[] {
    return this.lines.filter((line) => JSON.stringify(line).includes(text));
  }
}

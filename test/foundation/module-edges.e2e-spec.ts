import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/**
 * Lints `source` in place of the project's file `path` (an existing file: the typed rules need
 * the TypeScript project to know it); the file itself is not touched. Exit code and messages.
 */
function lint(path: string, source: string): { code: number | null; output: string } {
  const run = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js'), '--stdin', '--stdin-filename', path],
    { cwd: ROOT, input: source, encoding: 'utf8' },
  );
  return { code: run.status, output: run.stdout + run.stderr };
}

/** The module edges of ARCHITECTURE.md, as `npm run lint` enforces them (eslint/module-edges.mjs). */
describe('module edges (lint)', () => {
  it("refuses a feature importing another feature's repository or entity", () => {
    const repository = lint(
      'src/processing/processing-steps.ts',
      "import { EventRepository } from '../events/event.repository';\nexport const probe = EventRepository;\n",
    );
    expect(repository.code).toBe(1);
    expect(repository.output).toContain(
      "processing/ imports events/'s repository (../events/event.repository)",
    );
    const entity = lint(
      'src/bet-records/bet-records.module.ts',
      "import { PlayerEntity } from '../players/player.entity';\nexport const probe = PlayerEntity;\n",
    );
    expect(entity.code).toBe(1);
    expect(entity.output).toContain("bet-records/ imports players/'s entity");
  });

  it('refuses common/, config/ or database/ importing a feature', () => {
    const result = lint(
      'src/database/columns.ts',
      "import { ProcessingWorker } from '../processing/processing.worker';\nexport const probe = ProcessingWorker;\n",
    );
    expect(result.code).toBe(1);
    expect(result.output).toContain(
      'database/ is shared by every feature and must not import processing/',
    );
  });

  it("accepts a feature using another feature's exported service", () => {
    const result = lint(
      'src/processing/processing-steps.ts',
      "import { PlayersService } from '../players/players.service';\nexport const probe = PlayersService;\n",
    );
    expect([result.code, result.output.trim()]).toEqual([0, '']);
  });
});

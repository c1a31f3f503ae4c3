import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One finding of the linter on a probe file. */
export interface Diagnostic {
  category: string;
  location: { path: string };
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const biome = join(root, 'node_modules', '.bin', 'biome');

/**
 * A scratch folder holding the project's own biome.json, where the boundary tests lay out small probe files as the
 * project lays out its sources and lint them: the folder rules of biome.json then fire (or not) as they would in
 * src/. Call `dispose` when done (afterAll).
 * @param prefix - the scratch folder's name prefix
 */
export function lintProbes(prefix: string): {
  /** the boundary findings (lint/style/noRestricted…) on these files, by path relative to the scratch folder */
  restricted(files: Record<string, string>): Diagnostic[];
  dispose(): void;
} {
  const sandbox = mkdtempSync(join(tmpdir(), prefix));
  copyFileSync(join(root, 'biome.json'), join(sandbox, 'biome.json'));
  return {
    restricted(files) {
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(dirname(join(sandbox, path)), { recursive: true });
        writeFileSync(join(sandbox, path), text);
      }
      const run = spawnSync(biome, ['lint', '--vcs-enabled=false', '--reporter=json', ...Object.keys(files)], {
        cwd: sandbox,
        encoding: 'utf8',
      });
      const report = JSON.parse(run.stdout) as { diagnostics: Diagnostic[] };
      return report.diagnostics.filter((d) => d.category.startsWith('lint/style/noRestricted'));
    },
    dispose: () => rmSync(sandbox, { recursive: true, force: true }),
  };
}

// Deliberate layering violations fail the checks: the core tsconfig has no DOM or Node types, and
// lint refuses outer-layer imports and DOM/Node globals in core/ (and renderer ↔ electron imports).
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ESLint } from 'eslint';

const ROOT = resolve(import.meta.dirname, '../..');
const fixture = (f: string) => readFileSync(join(ROOT, 'test/layering/bad-core', f), 'utf8');

describe('layering', () => {
  it('core/ cannot compile DOM or Node globals', () => {
    let out = '';
    try {
      execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'test/layering/bad-core/tsconfig.json'], {
        cwd: ROOT,
        encoding: 'utf8',
      });
    } catch (e) {
      out = (e as { stdout: string }).stdout;
    }
    expect(out).toMatch(/uses-dom\.ts\(3,.*Cannot find name 'document'/);
    expect(out).toMatch(/uses-dom\.ts\(4,.*Cannot find name 'Buffer'/);
    expect(out).toMatch(/uses-dom\.ts\(5,.*Cannot find name 'process'/);
  }, 60_000);

  it('lint refuses electron, react, dexie and node modules in core/', async () => {
    const eslint = new ESLint({ cwd: ROOT });
    const [res] = await eslint.lintText(fixture('imports-outer.ts'), { filePath: join(ROOT, 'core/layering-probe.ts') });
    const msgs = res!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message.replace(/^.* restricted from being used( by a pattern)?\. /, ''));
    expect(msgs).toEqual(
      expect.arrayContaining([
        'core/ is pure: no electron.',
        'core/ is pure: no react.',
        'core/ is pure: no dexie.',
        'core/ is pure: no node: modules.',
        'core/ is pure: no Node modules.',
      ]),
    );
    const [dom] = await eslint.lintText(fixture('uses-dom.ts'), { filePath: join(ROOT, 'core/layering-probe.ts') });
    expect(dom!.messages.filter((m) => m.ruleId === 'no-restricted-globals').map((m) => m.message)).toEqual([
      "Unexpected use of 'document'. core/ is pure: no DOM.",
      "Unexpected use of 'Buffer'. core/ is pure: use Uint8Array.",
      "Unexpected use of 'process'. core/ is pure: no Node globals.",
    ]);
  }, 60_000);

  it('lint refuses renderer ↔ electron imports and zustand outside the store', async () => {
    const eslint = new ESLint({ cwd: ROOT });
    const [r] = await eslint.lintText("import { x } from '../../electron/main/security';\nimport { create } from 'zustand';\nexport const y = [x, create];\n", {
      filePath: join(ROOT, 'renderer/src/features/probe.ts'),
    });
    expect(r!.messages.map((m) => m.message.replace(/^.* restricted from being used( by a pattern)?\. /, ''))).toEqual(
      expect.arrayContaining(['renderer/ may not import electron/.', 'import the store from renderer/src/store only.']),
    );
    const [e] = await eslint.lintText("import { App } from '../../renderer/src/App';\nexport const z = App;\n", {
      filePath: join(ROOT, 'electron/main/probe.ts'),
    });
    expect(e!.messages.map((m) => m.message.replace(/^.* restricted from being used( by a pattern)?\. /, ''))).toContain('electron/ may not import renderer/.');
  }, 60_000);
});

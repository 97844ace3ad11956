import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/corpus';

const eslint = new ESLint({ cwd: repoRoot });

async function violations(filePath: string, code: string): Promise<string[]> {
  const [r] = await eslint.lintText(code, { filePath });
  return r.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('lint enforces the layering', () => {
  it('shared/ imports nothing from electron/, renderer/, Node or electron', async () => {
    expect(await violations('shared/x.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n")).toHaveLength(1);
    expect((await violations('shared/x.ts', "import { Session } from '../electron/api/session';\nexport const x = Session;\n"))[0]).toMatch(/Bad layering/);
    expect(await violations('shared/x.ts', "import { App } from '../renderer/app/App';\nexport const x = App;\n")).toHaveLength(1);
    expect(await violations('shared/x.ts', "import { z } from 'zod';\nexport const x = z;\n")).toEqual([]);
  });

  it('renderer/ never imports electron/', async () => {
    expect((await violations('renderer/x.ts', "import { dispatch } from '../electron/api/dispatch';\nexport const x = dispatch;\n"))[0]).toMatch(/Bad layering/);
    expect(await violations('renderer/x.ts', "import { calls } from '../shared/contract/calls';\nexport const x = calls;\n")).toEqual([]);
  });

  it('only the shell imports electron', async () => {
    const code = "import { app } from 'electron';\nexport const x = app;\n";
    expect(await violations('electron/api/x.ts', code)).toHaveLength(1);
    expect(await violations('electron/shell/x.ts', code)).toEqual([]);
    expect(await violations('electron/main.ts', code)).toEqual([]);
  });
});

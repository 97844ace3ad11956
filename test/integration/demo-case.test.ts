import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { jsonl, runCli } from '../support/cli';
import { repoRoot } from '../support/corpus';
import { startServeProcess } from '../support/serve-process';
import { tempDir } from '../support/tmp';

describe('flowsight serve without --case', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('opens the demo case built from resources/sample.pcap', async () => {
    const serve = await startServeProcess([], { FLOWSIGHT_DATA: tmp.dir });
    try {
      const { port, searchParams } = new URL(serve.url);
      const current = async () => {
        const res = await fetch(`http://127.0.0.1:${port}/rpc/case.current`, {
          method: 'POST',
          headers: { authorization: `Bearer ${searchParams.get('token')}`, 'content-type': 'application/json' },
          body: '{}',
        });
        return ((await res.json()) as { result: { demo: boolean; flowCount: number; evidenceCount: number; path: string } }).result;
      };
      // The same flows the CLI gets from the sample capture.
      const ref = tmp.path('ref.flowsight');
      expect(runCli(['ingest', '--quiet', '--case', ref, join(repoRoot, 'resources', 'sample.pcap')]).code).toBe(0);
      const expected = jsonl(runCli(['flows', '--case', ref]).stdout).length;
      expect(expected).toBeGreaterThan(20);
      await expect.poll(async () => (await current()).flowCount, { timeout: 30_000 }).toBe(expected);
      expect(await current()).toMatchObject({ demo: true, evidenceCount: 1, path: `${tmp.dir}/demo.flowsight` });
    } finally {
      await serve.stop();
    }
  });
});

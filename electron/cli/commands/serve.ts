import type { Command } from 'commander';
import { resolve } from 'node:path';
import { Session } from '../../api/session';
import { openDemoCase } from '../../api/demo-case';
import { stderrLogger } from '../../api/log';
import { rendererDir } from '../../app-paths';
import { appVersion } from '../../app-version';
import { startServer } from '../../serve/serve-server';
import { CliError } from '../cli-error';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('run the Flowsight UI in a browser, on 127.0.0.1 with a per-run token')
    .option('--case <path>', 'case to open (default: the demo case)')
    .option('--port <n>', 'port (default: a free one)', '0')
    .option('--read-only', 'open the case read-only: nothing is written to it or its folder')
    .action(async (o: { case?: string; port: string; readOnly?: boolean }) => {
      const port = Number(o.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError('--port must be 0..65535', 2);
      const session = new Session({ log: stderrLogger, transport: 'serve', version: appVersion() });
      if (o.case) session.openCase(resolve(o.case), o.readOnly ? { readOnly: true } : { create: true });
      else openDemoCase(session);
      const server = await startServer({ session, staticDir: rendererDir(), port });
      // The URL carries the token; tests and scripts read it from this line.
      process.stdout.write(`Flowsight is serving at ${server.url}\n`);
      const stop = async () => {
        await server.close();
        await session.dispose();
        process.exit(0);
      };
      process.once('SIGINT', () => void stop());
      process.once('SIGTERM', () => void stop());
    });
}

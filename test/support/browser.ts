import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { repoRoot } from './corpus';

export const screenshotDir = join(repoRoot, 'test-results', 'screenshots');

/** The system Chromium (never a downloaded one), headless with the flags vetted on these machines. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(`No Chromium at ${executablePath}: the UI tests need it. Install it with \`apt-get install chromium\` (Debian) or set CHROME_PATH to a Chromium or Chrome binary.`);
  }
  mkdirSync(screenshotDir, { recursive: true });
  return chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

export function screenshotPath(name: string): string {
  return join(screenshotDir, `${name}.png`);
}

/** Serve mode's answer to one RPC: its result, or the error the main process gave. */
export interface RpcAnswer {
  result?: unknown;
  error?: { code: string; message: string };
}

/** A call through serve mode's RPC as the page makes it (with the page's token cookie). */
export function pageRpc(page: Page, call: string, input: unknown): Promise<RpcAnswer> {
  return page.evaluate(
    async ([c, i]) => {
      const r = await fetch(`/rpc/${c as string}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(i) });
      return (await r.json()) as RpcAnswer;
    },
    [call, input] as const,
  );
}

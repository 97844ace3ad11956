import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { RecentCase } from '../../shared/domain/case';
import { userDataDir } from '../app-paths';

const MAX = 12;
const Stored = z.array(RecentCase.omit({ exists: true }));
type Stored = z.infer<typeof Stored>;

// Per user, outside any case: opening a case read-only must not write into it, and the list outlives each case.
const file = () => join(userDataDir(), 'recent-cases.json');

function load(): Stored {
  try {
    const parsed = Stored.safeParse(JSON.parse(readFileSync(file(), 'utf8')));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

function save(list: Stored): void {
  // Write then rename: a crash leaves the old list or the new one, never half of one.
  const tmp = `${file()}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(list.slice(0, MAX), null, 1));
  renameSync(tmp, file());
}

/** Newest first, each with whether its file still exists. */
export function recentCases(): RecentCase[] {
  return load().map((r) => ({ ...r, exists: existsSync(r.path) }));
}

export function rememberCase(entry: { path: string; title: string; readOnly: boolean }): void {
  save([{ ...entry, openedAt: Date.now() / 1000 }, ...load().filter((r) => r.path !== entry.path)]);
}

export function forgetCase(path: string): RecentCase[] {
  save(load().filter((r) => r.path !== path));
  return recentCases();
}

export function isRecentCase(path: string): boolean {
  return load().some((r) => r.path === path);
}

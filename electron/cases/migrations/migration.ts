import type { Database } from 'better-sqlite3';

/** A numbered, forward-only schema step. File names follow `NNNN-what-it-does.ts`. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  up(db: Database): void;
}

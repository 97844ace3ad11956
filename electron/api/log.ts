/**
 * Structured log lines on stderr: one JSON object per line, so a rejected
 * request or a slow query can be found and counted later.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  log(level: LogLevel, event: string, fields?: Record<string, unknown>): void;
}

export const stderrLogger: Logger = {
  log(level, event, fields = {}) {
    if (level === 'debug' && !process.env.FLOWSIGHT_DEBUG) return;
    process.stderr.write(`${JSON.stringify({ t: new Date().toISOString(), level, event, ...fields })}\n`);
  },
};

/** Keeps lines in memory; tests read them to prove what was logged. */
export class MemoryLogger implements Logger {
  readonly lines: { level: LogLevel; event: string; fields: Record<string, unknown> }[] = [];
  log(level: LogLevel, event: string, fields: Record<string, unknown> = {}): void {
    this.lines.push({ level, event, fields });
  }
}

/** What a reader tells the user about one file once it has read it. */
export interface ReadStats {
  format: string;
  /** Records handed to the engine. */
  packets: number;
  /** Records or blocks not handed on, by reason. */
  skipped: Map<string, number>;
  /** The file ended or broke before its last record: everything before is kept. */
  partial: boolean;
  /** Why the file is partial, naming the offset. */
  problem: string | null;
}

export function newReadStats(format: string): ReadStats {
  return { format, packets: 0, skipped: new Map(), partial: false, problem: null };
}

export function countSkip(stats: ReadStats, reason: string): void {
  stats.skipped.set(reason, (stats.skipped.get(reason) ?? 0) + 1);
}

import cliProgress from 'cli-progress';
import type { JobProgress } from '../../shared/domain/job';

/**
 * A progress bar on stderr (stdout stays clean for data). Without a TTY it
 * prints a line every few seconds instead of redrawing.
 */
export class ProgressBar {
  private bar: cliProgress.SingleBar;
  private started = false;

  constructor(private readonly unit: 'bytes' | 'items') {
    this.bar = new cliProgress.SingleBar(
      {
        stream: process.stderr,
        format: ' {bar} {percentage}% | {value_h}/{total_h} | {message} | {counters}',
        hideCursor: true,
        noTTYOutput: true,
        notTTYSchedule: 5000,
        formatValue: (v, _o, type) => (type === 'value' || type === 'total' ? String(v) : String(v)),
      },
      cliProgress.Presets.shades_classic,
    );
  }

  update(p: JobProgress): void {
    const payload = {
      message: p.message,
      counters: Object.entries(p.counters).map(([k, v]) => `${v.toLocaleString('en-US')} ${k}`).join(', '),
      value_h: this.human(p.done),
      total_h: this.human(p.total),
    };
    if (!this.started) {
      this.bar.start(Math.max(p.total, 1), p.done, payload);
      this.started = true;
    } else {
      this.bar.setTotal(Math.max(p.total, 1));
      this.bar.update(p.done, payload);
    }
  }

  stop(): void {
    if (this.started) this.bar.stop();
  }

  private human(n: number): string {
    if (this.unit !== 'bytes') return n.toLocaleString('en-US');
    if (n < 1024) return `${n} B`;
    if (n < 1 << 20) return `${(n / 1024).toFixed(1)} KiB`;
    if (n < 1 << 30) return `${(n / (1 << 20)).toFixed(1)} MiB`;
    return `${(n / (1 << 30)).toFixed(2)} GiB`;
  }
}

/** Epoch seconds as UTC date and time with microseconds, the way the flow table shows them. */
export function formatTime(v: number): string {
  const whole = Math.floor(v);
  const iso = new Date(whole * 1000).toISOString();
  const micros = Math.round((v - whole) * 1e6);
  // Rounding up to a full second carries into the seconds field.
  if (micros >= 1_000_000) return formatTime(whole + 1);
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}.${String(micros).padStart(6, '0')}`;
}

/** Time of day only (UTC), for ranges within one capture. */
export function formatClock(v: number): string {
  return formatTime(v).slice(11, 23);
}

/** Seconds with a unit that suits their size. */
export function formatSeconds(s: number): string {
  const a = Math.abs(s);
  if (a === 0) return '0 s';
  if (a < 1e-3) return `${(s * 1e6).toFixed(0)} µs`;
  if (a < 1) return `${trim((s * 1e3).toFixed(3))} ms`;
  if (a < 120) return `${trim(s.toFixed(6))} s`;
  if (a < 7200) return `${trim((s / 60).toFixed(2))} min`;
  if (a < 172800) return `${trim((s / 3600).toFixed(2))} h`;
  return `${trim((s / 86400).toFixed(2))} d`;
}

/** "1.500" → "1.5", "2.000" → "2". */
function trim(fixed: string): string {
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
}

/** Elapsed time as a clock: "0:07", "12:34", "1:02:03". */
export function formatElapsed(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const [h, m, sec] = [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60];
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(sec)}` : `${m}:${two(sec)}`;
}

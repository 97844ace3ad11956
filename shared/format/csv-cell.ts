/** One CSV cell (RFC 4180): quoted when it holds a quote, comma or line break; null and undefined are empty. */
export function csvCell(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

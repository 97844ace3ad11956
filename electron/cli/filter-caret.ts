/**
 * A filter with a caret line under the offending token, as `tshark -Y` shows a
 * bad filter. Tabs and newlines print as spaces so the caret stays aligned.
 */
export function filterCaret(text: string, position: number, length: number): string {
  const indent = '    ';
  return `${indent}${text.replace(/[\t\r\n]/g, ' ')}\n${indent}${' '.repeat(position)}^${'~'.repeat(Math.max(0, length - 1))}`;
}

/**
 * Starts a browser download of a same-origin URL (serve mode's /download/<job>;
 * the session cookie authenticates it, the server names the file).
 */
export function downloadFile(url: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = '';
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
}

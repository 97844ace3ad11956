/**
 * The regular expression behind `matches`. Wireshark's (PCRE2) spelling for
 * case-insensitivity is an inline "(?i)" prefix, which JavaScript does not
 * know, so it becomes the `i` flag. The parser (to validate) and the SQL
 * `regexp` function (to match) both build patterns here, so they agree.
 * Throws SyntaxError for an invalid pattern.
 */
export function filterRegExp(pattern: string): RegExp {
  const caseless = pattern.startsWith('(?i)');
  return new RegExp(caseless ? pattern.slice(4) : pattern, caseless ? 'i' : '');
}

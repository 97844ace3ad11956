import { filterRegExp } from '../../shared/filter/filter-regex';
import type { CaseDb } from './case-db';

const MAX_CACHED = 64;

/**
 * SQLite has the REGEXP operator but no function behind it: `x REGEXP p` calls
 * regexp(p, x). This one uses the display filter's JavaScript patterns ("(?i)"
 * prefix → case-insensitive), compiling each pattern once per connection
 * rather than once per row. A missing value does not match (0, not NULL).
 */
export function registerRegexp(db: CaseDb): void {
  const cache = new Map<string, RegExp>();
  db.function('regexp', { deterministic: true }, (pattern: unknown, value: unknown) => {
    if (pattern === null || value === null) return 0;
    const p = String(pattern);
    let re = cache.get(p);
    if (!re) {
      re = filterRegExp(p);
      if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
      cache.set(p, re);
    }
    return re.test(String(value)) ? 1 : 0;
  });
}

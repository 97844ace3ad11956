import { createHash } from 'node:crypto';

const MAX_ENTRIES = 8192;

/**
 * Hex digests remembered by input: a capture holds thousands of hellos from a
 * handful of client builds, so the same fingerprint strings come back again and
 * again, and a Map lookup costs far less than a digest. Bounded; the oldest
 * entries go first.
 */
export function memoDigest(algorithm: 'md5' | 'sha256') {
  const memo = new Map<string, string>();
  return (text: string): string => {
    let hex = memo.get(text);
    if (hex === undefined) {
      hex = createHash(algorithm).update(text, 'latin1').digest('hex');
      if (memo.size >= MAX_ENTRIES) memo.delete(memo.keys().next().value!);
      memo.set(text, hex);
    }
    return hex;
  };
}

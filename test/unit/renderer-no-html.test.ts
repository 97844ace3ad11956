import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/corpus';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? sources(p) : /\.(tsx?|html)$/.test(e.name) ? [p] : [];
  });
}

/**
 * Packet bytes, stream text, names and notes come from captures and users: the
 * renderer shows them through React's text nodes only. Nothing in it may turn
 * a string into markup.
 */
describe('the renderer never renders data as HTML', () => {
  it('uses none of the APIs that parse a string as markup', () => {
    const sinks = /dangerouslySetInnerHTML|\.innerHTML\b|\.outerHTML\b|insertAdjacentHTML|document\.write\b|createContextualFragment|DOMParser/;
    const hits = sources(join(repoRoot, 'renderer'))
      .flatMap((f) => readFileSync(f, 'utf8').split('\n').map((line, i) => ({ f, line, i })))
      .filter(({ line }) => sinks.test(line))
      .map(({ f, line, i }) => `${relative(repoRoot, f)}:${i + 1}: ${line.trim()}`);
    expect(hits).toEqual([]);
  });
});

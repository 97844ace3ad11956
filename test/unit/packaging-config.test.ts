import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/corpus';

// electron-builder's own validator (its JSON schema and deprecation checks): the Electron binaries cannot be fetched here, the configuration can still be checked.
const require = createRequire(join(repoRoot, 'package.json'));
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as { validateConfiguration: (config: unknown, debugLogger: { isEnabled: boolean; add: () => void }) => Promise<void> };
const quiet = { isEnabled: false, add: () => undefined };

const config = JSON.parse(readFileSync(join(repoRoot, 'electron-builder.json'), 'utf8')) as Record<string, unknown> & {
  linux: { target: string[]; icon: string };
  win: { target: string[]; icon: string };
  mac: { target: string[]; icon: string };
  npmRebuild: boolean;
  extraResources: { from: string; to: string }[];
  files: string[];
};

/** Width and height from a PNG's IHDR. */
function pngSize(path: string): [number, number] {
  const b = readFileSync(path);
  expect(b.subarray(1, 4).toString('ascii')).toBe('PNG');
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

describe('packaging (electron-builder)', () => {
  it("passes electron-builder's schema validation", async () => {
    const { $schema: _s, ...rest } = config;
    await expect(validateConfiguration(rest, quiet)).resolves.toBeUndefined();
  });

  it('the validator does catch mistakes (so the pass above means something)', async () => {
    const { $schema: _s, ...rest } = config;
    await expect(validateConfiguration({ ...rest, notAnOption: true }, quiet)).rejects.toThrow(/does not match the API schema[^]*notAnOption/);
    await expect(validateConfiguration({ ...rest, deb: { depends: 'libpcap0.8' } }, quiet)).rejects.toThrow(/does not match the API schema[^]*depends/);
  });

  it('targets AppImage and deb on Linux, NSIS on Windows, dmg on macOS, with icons in resources/', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
    for (const size of [16, 32, 48, 64, 128, 256, 512, 1024]) expect(pngSize(join(repoRoot, 'resources', 'icons', `${size}x${size}.png`))).toEqual([size, size]);
    expect(pngSize(join(repoRoot, config.win.icon))).toEqual([256, 256]);
    expect(pngSize(join(repoRoot, config.mac.icon))).toEqual([1024, 1024]);
  });

  it("keeps Electron's native builds apart: node_modules is not rebuilt, build/electron-natives ships as a resource", () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.extraResources).toEqual([expect.objectContaining({ from: 'build/electron-natives', to: 'electron-natives' })]);
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { main: string; scripts: Record<string, string> };
    expect(pkg.scripts.dist).toContain('electron-natives.mjs');
    expect(pkg.scripts.start).toContain('electron-natives.mjs');
    // The entry the packages start is what the build writes.
    expect(existsSync(join(repoRoot, pkg.main))).toBe(true);
    expect(config.files).toContain('dist/main/**');
  });
});

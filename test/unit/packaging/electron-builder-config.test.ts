import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parse } from 'yaml';

// electron-builder can't run here (it downloads Electron); check everything about its config that can be checked.
const root = join(import.meta.dirname, '..', '..', '..');
const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;

type Target = { target: string; arch?: string[] };
function targets(platform: string): string[] {
  const section = config[platform] as { target: Target[] };
  return section.target.map((t) => t.target);
}

function pngSize(file: string): { width: number; height: number } {
  const buf = readFileSync(file);
  expect(buf.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

describe('electron-builder.yml', () => {
  it('names the product and app id', () => {
    expect(config.productName).toBe('Flexiti In-Store');
    expect(config.appId).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
    expect(pkg.productName).toBe(config.productName);
  });

  it('builds the fleet targets', () => {
    expect(targets('win')).toEqual(['nsis']);
    expect(targets('linux').sort()).toEqual(['AppImage', 'deb']);
    expect(targets('mac')).toEqual(['dmg']);
  });

  it('references icons and resources that exist and are large enough', () => {
    for (const platform of ['win', 'linux', 'mac']) {
      const icon = (config[platform] as { icon: string }).icon;
      expect(existsSync(join(root, icon)), icon).toBe(true);
      const { width, height } = pngSize(join(root, icon));
      expect(width).toBeGreaterThanOrEqual(512);
      expect(height).toBe(width);
    }
    const mac = config.mac as { entitlements: string; entitlementsInherit: string };
    expect(existsSync(join(root, mac.entitlements))).toBe(true);
    expect(existsSync(join(root, mac.entitlementsInherit))).toBe(true);
    expect(existsSync(join(root, config.afterPack as string))).toBe(true);
  });

  it('packages the built app only: no sources, tests, benches or scripts', () => {
    const files = config.files as string[];
    expect(files).toContain('out/**/*');
    for (const excluded of ['!src/**', '!test/**', '!bench/**', '!scripts/**'])
      expect(files).toContain(excluded);
    expect((config.extraMetadata as { main: string }).main).toBe(pkg.main);
  });

  it('keeps native modules outside the asar and rebuilds them for Electron', () => {
    expect(config.asar).toBe(true);
    expect(config.npmRebuild).toBe(true);
    const unpacked = (config.asarUnpack as string[]).join(' ');
    expect(unpacked).toContain('keytar');
    expect(unpacked).toContain('better-sqlite3');
  });

  it('flips the security fuses after packing', () => {
    const require = createRequire(import.meta.url);
    const hook = require(join(root, config.afterPack as string)) as { FUSES: Record<string, unknown> };
    const { FuseV1Options } = require('@electron/fuses') as { FuseV1Options: Record<string, number> };
    const fuse = (name: string) => hook.FUSES[String(FuseV1Options[name])];
    expect(hook.FUSES.strictlyRequireAllFuses).toBe(true);
    expect(fuse('RunAsNode')).toBe(false);
    expect(fuse('EnableNodeOptionsEnvironmentVariable')).toBe(false);
    expect(fuse('EnableNodeCliInspectArguments')).toBe(false);
    expect(fuse('EnableEmbeddedAsarIntegrityValidation')).toBe(true);
    expect(fuse('OnlyLoadAppFromAsar')).toBe(true);
    expect(fuse('EnableCookieEncryption')).toBe(true);
  });
});

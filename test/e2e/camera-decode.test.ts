/**
 * The camera scan end to end in Chromium: a fake camera plays a .y4m of a licence barcode, a tiny
 * page built with Vite opens it with openCamera, the decoder worker loads zxing's .wasm from the
 * page's own origin (under the app's CSP) and reads the barcode; parseAamva gets the names.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/shared/content-security-policy';
import { parseAamva } from '../../src/shared/licence/aamva';
import { writeBarcodeY4m } from '../fixtures/camera/make-y4m';
import { renderPdf417Png } from '../fixtures/camera/render-pdf417';
import { SAMPLES } from '../fixtures/licences/samples';
import { hasChromium, CHROMIUM, launchChromium } from './support/chromium';
import { ROOT } from './support/renderer-build';

if (!hasChromium) console.warn(`e2e camera decode skipped: ${CHROMIUM} is not installed on this machine.`);

/** zxing-wasm compiles WebAssembly, which a CSP allows only with 'wasm-unsafe-eval': the app's policy has it. */
const SCAN_CSP = CONTENT_SECURITY_POLICY;
const CSP_WITHOUT_WASM = CONTENT_SECURITY_POLICY.replace(" 'wasm-unsafe-eval'", '');

const PAGE_HTML = `<!doctype html>
<html><head><meta charset="utf-8"><title>scan</title></head>
<body><video id="v" width="640" height="360"></video><button id="go">Scan</button><input id="f" type="file">
<script type="module" src="./main.ts"></script></body></html>`;

const pageScript = (scanDir: string): string => `
import { openCamera } from ${JSON.stringify(join(scanDir, 'camera.ts'))};
import { createLicenceDecoder } from ${JSON.stringify(join(scanDir, 'pdf417-decoder.ts'))};
const w = window;
w.__scan = null;
w.__file = null;
document.getElementById('f').addEventListener('change', (event) => {
  const file = event.target.files[0];
  const decoder = createLicenceDecoder();
  decoder.decodeFile(file).then(
    (text) => { w.__file = { ok: true, text }; decoder.dispose(); },
    (error) => { w.__file = { ok: false, code: error.code }; decoder.dispose(); },
  );
});
document.getElementById('go').addEventListener('click', () => {
  const video = document.getElementById('v');
  openCamera(video, {
    onText: (text) => { w.__scan = { ok: true, text, live: !!video.srcObject }; },
    onError: (error) => { w.__scan = { ok: false, kind: error.kind, dom: error.domName ?? null }; },
  });
});
`;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** The CSP the server sends; the second test switches to the app's own. */
let servedCsp = SCAN_CSP;

function serve(dir: string, requests: string[]): Promise<Server> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    requests.push(path);
    if (path === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    const file = normalize(join(dir, path === '/' ? 'index.html' : path));
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'content-type': MIME[extname(file)] ?? 'application/octet-stream',
      'content-security-policy': servedCsp,
    });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe.skipIf(!hasChromium)('camera scan in Chromium with a fake camera', () => {
  let dir = '';
  let server: Server | undefined;
  let browser: Browser | undefined;
  const requests: string[] = [];
  const sample = SAMPLES.QC_V04_ACCENTED;

  beforeAll(async () => {
    if (!sample) throw new Error('sample missing');
    dir = mkdtempSync(join(tmpdir(), 'scan-e2e-'));
    const src = join(dir, 'src');
    mkdirSync(src);
    writeFileSync(join(src, 'index.html'), PAGE_HTML);
    writeFileSync(join(src, 'main.ts'), pageScript(join(ROOT, 'src', 'renderer', 'scan')));
    await build({
      configFile: false,
      root: src,
      base: './',
      logLevel: 'warn',
      build: { outDir: join(dir, 'dist'), emptyOutDir: true, minify: false },
    });
    // Held at a slant (4-5 degrees), beyond what zxing reads without the deskew passes.
    writeBarcodeY4m(join(dir, 'licence.y4m'), sample.raw, { frames: 4, degrees: 4 });
    server = await serve(join(dir, 'dist'), requests);
    browser = await launchChromium([
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${join(dir, 'licence.y4m')}`,
    ]);
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('reads the licence from the camera in the worker, and loads the decoder only when asked', async () => {
    if (!browser || !server || !sample) throw new Error('not set up');
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    const external: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(`http://127.0.0.1:${port}/`)) external.push(request.url());
    });

    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForLoadState('networkidle');
    expect(requests.some((r) => r.endsWith('.wasm'))).toBe(false);
    expect(requests.some((r) => r.includes('worker'))).toBe(false);

    await page.click('#go');
    await page.waitForFunction(() => (window as unknown as { __scan: unknown }).__scan !== null, undefined, {
      timeout: 60_000,
    });
    const result = (await page.evaluate(() => (window as unknown as { __scan: unknown }).__scan)) as
      { ok: true; text: string; live: boolean } | { ok: false; kind: string; dom: string | null };

    expect(problems, JSON.stringify({ requests, result })).toEqual([]);
    expect(result).toMatchObject({ ok: true, live: false });
    if (!result.ok) return;
    expect(result.text).toBe(sample.raw);
    const parsed = parseAamva(result.text);
    expect(parsed.ok && parsed.licence.lastName).toBe('BÉLANGER-CÔTÉ');
    expect(parsed.ok && parsed.licence.firstName).toBe('ÉLODIE');
    // The .wasm came from this origin, after the click; nothing went anywhere else.
    expect(requests.some((r) => r.endsWith('.wasm'))).toBe(true);
    expect(external).toEqual([]);
    await page.close();
  });

  it('reads the licence from a photo file chosen on the page', async () => {
    if (!browser || !server) throw new Error('not set up');
    const nb = SAMPLES.NB_V02_MMDDCCYY;
    if (!nb) throw new Error('sample missing');
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    const png = await renderPdf417Png(nb.raw, { moduleSize: 3 });
    await page.setInputFiles('#f', { name: 'licence.png', mimeType: 'image/png', buffer: png });
    await page.waitForFunction(() => (window as unknown as { __file: unknown }).__file !== null, undefined, {
      timeout: 60_000,
    });
    const result = (await page.evaluate(() => (window as unknown as { __file: unknown }).__file)) as {
      ok: boolean;
      text?: string;
    };
    expect(result.ok).toBe(true);
    const parsed = parseAamva(result.text ?? '');
    expect(parsed.ok && parsed.licence.lastName).toBe('LEBLANC');
    await page.close();
  });

  it("serves the app's own policy, which lets the decoder compile its WebAssembly", () => {
    expect(SCAN_CSP).toContain("'wasm-unsafe-eval'");
    expect(CSP_WITHOUT_WASM).not.toContain('wasm-unsafe-eval');
  });

  it("fails plainly, not by timing out, under a CSP without 'wasm-unsafe-eval'", async () => {
    if (!browser || !server) throw new Error('not set up');
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    servedCsp = CSP_WITHOUT_WASM;
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    const started = Date.now();
    await page.click('#go');
    await page.waitForFunction(() => (window as unknown as { __scan: unknown }).__scan !== null, undefined, {
      timeout: 60_000,
    });
    const result = await page.evaluate(() => (window as unknown as { __scan: unknown }).__scan);
    expect(result).toEqual({ ok: false, kind: 'decoder_failed', dom: 'worker_failed' });
    expect(Date.now() - started).toBeLessThan(10_000);
    await page.close();
    servedCsp = SCAN_CSP;
  });
});

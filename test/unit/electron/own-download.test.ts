/** The Electron shell lets through only our own page's blob: downloads of a PDF or CSV. */
import { describe, expect, it } from 'vitest';
import { isOwnDownload } from '../../../src/main/electron/own-download';
import { ownPage } from '../../../src/main/electron/own-page';

const packaged = ownPage('/opt/flexiti/out', undefined);
const dev = ownPage('/opt/flexiti/out', 'http://localhost:5173/');

describe('isOwnDownload', () => {
  it('accepts a receipt PDF or a CSV made by our packaged page', () => {
    const blob = 'blob:null/2f1c1b8e-3f7a-4b2a-9a57-1a2b3c4d5e6f';
    expect(isOwnDownload(blob, 'flexiti-receipt-8812345.pdf', packaged.url, packaged.isOwn)).toBe(true);
    expect(isOwnDownload(blob, 'end-of-day-2026-03-14.csv', packaged.url, packaged.isOwn)).toBe(true);
  });

  it('accepts the dev server page’s blobs, on its own origin only', () => {
    const own = 'blob:http://localhost:5173/2f1c1b8e-3f7a-4b2a-9a57-1a2b3c4d5e6f';
    const other = 'blob:http://localhost:5174/2f1c1b8e-3f7a-4b2a-9a57-1a2b3c4d5e6f';
    expect(isOwnDownload(own, 'flexiti-receipt-1.pdf', dev.url, dev.isOwn)).toBe(true);
    expect(isOwnDownload(other, 'flexiti-receipt-1.pdf', dev.url, dev.isOwn)).toBe(false);
  });

  it('cancels web downloads, other pages, and other kinds of file', () => {
    const blob = 'blob:null/2f1c1b8e-3f7a-4b2a-9a57-1a2b3c4d5e6f';
    expect(isOwnDownload('https://example.com/x.pdf', 'x.pdf', packaged.url, packaged.isOwn)).toBe(false);
    expect(isOwnDownload(blob, 'x.pdf', 'file:///tmp/evil.html', packaged.isOwn)).toBe(false);
    expect(isOwnDownload(blob, 'setup.exe', packaged.url, packaged.isOwn)).toBe(false);
    expect(isOwnDownload(blob, '.pdf', packaged.url, packaged.isOwn)).toBe(false);
    expect(isOwnDownload(blob, '../receipt.pdf', packaged.url, packaged.isOwn)).toBe(false);
  });
});

/**
 * The two other ways to read a licence: the camera (jsdom has none, so each failure is staged the
 * way the browser reports it) and a photo, read by the real barcode reader run in-process.
 */
import { screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ScanScreen } from '../../../src/renderer/screens/scan/ScanScreen';
import { renderPdf417Png } from '../../fixtures/camera/render-pdf417';
import bwipjs from 'bwip-js/node';
import { newFlow } from '../support/application-data';
import { createFakePos } from '../support/fake-pos';
import { InProcessDecoderWorker } from '../support/in-process-worker';
import { decodeLikeMain, licenceBarcode } from '../support/licences';
import { renderScreen } from '../support/render-screen';
import { expectNoSeriousAxeViolations } from '../support/axe';

function renderScan(locale: 'en' | 'fr' = 'en') {
  const onScanned = vi.fn();
  const pos = createFakePos().on('application.decodeLicence', decodeLikeMain);
  const r = renderScreen(
    <ScanScreen
      flowId={newFlow().flowId}
      onScanned={onScanned}
      onManual={() => undefined}
      onCancel={() => undefined}
    />,
    { pos, locale },
  );
  return { ...r, onScanned };
}

function stageCamera(getUserMedia: () => Promise<MediaStream>): void {
  Object.defineProperty(navigator, 'mediaDevices', { configurable: true, value: { getUserMedia } });
}

afterEach(() => {
  // Back to jsdom's own navigator: no camera API at all.
  Reflect.deleteProperty(navigator, 'mediaDevices');
  vi.unstubAllGlobals();
});

describe('Licence scan with the camera', () => {
  it.each([
    ['NotFoundError', 'scan.camera.noCamera', 'no_camera'],
    ['NotAllowedError', 'scan.camera.denied', 'permission_denied'],
    ['NotReadableError', 'scan.camera.inUse', 'in_use'],
  ] as const)('explains a %s in plain words and offers the camera again', async (name, key, kind) => {
    const getUserMedia = vi.fn(() => Promise.reject(new DOMException('refused', name)));
    stageCamera(getUserMedia);
    const r = renderScan();

    await r.user.click(screen.getByRole('button', { name: r.t('scan.camera.open') }));

    const alert = await screen.findByTestId('camera-error');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.getAttribute('data-kind')).toBe(kind);
    expect(alert.textContent).toBe(r.t(key));
    expect(getUserMedia).toHaveBeenCalledTimes(1);
    // The camera is closed again and can be retried; nothing was sent to main.
    expect(screen.getByRole('button', { name: r.t('scan.camera.open') })).toBeTruthy();
    expect(r.pos.log).toEqual([]);
    await expectNoSeriousAxeViolations(`scan screen, ${kind}`);
  });

  it('says the camera cannot be used where there is no camera API at all', async () => {
    const r = renderScan();
    expect('mediaDevices' in navigator).toBe(false);
    await r.user.click(screen.getByRole('button', { name: r.t('scan.camera.open') }));
    expect((await screen.findByTestId('camera-error')).textContent).toBe(r.t('scan.camera.unsupported'));
  });

  it('reads in French', async () => {
    stageCamera(() => Promise.reject(new DOMException('refused', 'NotAllowedError')));
    const r = renderScan('fr');
    await r.user.click(screen.getByRole('button', { name: r.t('scan.camera.open') }));
    const alert = await screen.findByTestId('camera-error');
    expect(alert.textContent).toBe(r.t('scan.camera.denied'));
    expect(alert.textContent).toContain('caméra');
    // No English left on the screen ("camera" is written "caméra" in French).
    expect(document.body.textContent).not.toContain('camera');
  });
});

describe('Licence scan from a photo', () => {
  beforeEach(() => {
    vi.stubGlobal('Worker', InProcessDecoderWorker);
  });

  it('says no licence barcode was found in a photo of another barcode', async () => {
    const r = renderScan();
    const png = await bwipjs.toBuffer({ bcid: 'code128', text: '0062639310429', scale: 3, height: 12 });
    const file = new File([new Uint8Array(png)], 'receipt.png', { type: 'image/png' });

    await r.user.upload(screen.getByLabelText(r.t('scan.image.label')), file);

    const alert = await screen.findByRole('alert', {}, { timeout: 15_000 });
    expect(alert.textContent).toBe(r.t('scan.image.none'));
    expect(r.onScanned).not.toHaveBeenCalled();
    expect(r.pos.log).toEqual([]);
    // The box is ready for another photo.
    expect((screen.getByLabelText(r.t('scan.image.label')) as HTMLInputElement).disabled).toBe(false);
  });

  it('reads the licence barcode in a photo and hands the prefill on', async () => {
    const raw = licenceBarcode();
    const r = renderScan();
    const png = await renderPdf417Png(raw);
    const file = new File([new Uint8Array(png)], 'licence.png', { type: 'image/png' });

    await r.user.upload(screen.getByLabelText(r.t('scan.image.label')), file);

    await waitFor(() => expect(r.onScanned).toHaveBeenCalledTimes(1), { timeout: 15_000 });
    expect(r.pos.calls('application.decodeLicence')[0]?.raw).toBe(raw);
    const outcome = r.onScanned.mock.calls[0]?.[0] as { prefill: { lastName?: string } };
    expect(outcome.prefill.lastName).toBe('PATEL');
  });
});

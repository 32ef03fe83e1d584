/**
 * "Use the camera": a live preview that reads the licence barcode. The camera and the decoder start
 * only on the click, and stop on the first licence read, on "Stop" and when the screen closes.
 */
import { useEffect, useRef, useState } from 'react';
import type { MessageKey } from '../../i18n/en';
import { useI18n } from '../../i18n/i18n';
import { openCamera, type CameraErrorKind } from '../../scan/camera';
import { looksLikeLicence } from './licence-flags';

const ERROR_KEYS: Record<CameraErrorKind, MessageKey> = {
  no_camera: 'scan.camera.noCamera',
  permission_denied: 'scan.camera.denied',
  in_use: 'scan.camera.inUse',
  unsupported: 'scan.camera.unsupported',
  decoder_failed: 'scan.camera.decoderFailed',
  failed: 'scan.camera.failed',
};

export function CameraScan(props: { onText: (raw: string) => void; disabled: boolean }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<CameraErrorKind | null>(null);
  const video = useRef<HTMLVideoElement>(null);
  const onText = useRef(props.onText);
  useEffect(() => {
    onText.current = props.onText;
  });

  useEffect(() => {
    if (!open || !video.current) return undefined;
    const session = openCamera(video.current, {
      onText: (raw) => {
        setOpen(false);
        onText.current(raw);
      },
      onError: (failure) => {
        setOpen(false);
        setError(failure.kind);
      },
      accept: looksLikeLicence,
    });
    return () => session.stop();
  }, [open]);

  return (
    <section className="scan-way" aria-labelledby="scan-camera-title">
      <h2 id="scan-camera-title">{t('scan.camera.title')}</h2>
      {open ? (
        <>
          <video
            ref={video}
            className="camera-preview"
            aria-label={t('scan.camera.preview')}
            muted
            playsInline
          />
          <p role="status">{t('scan.camera.hold')}</p>
          <button type="button" onClick={() => setOpen(false)}>
            {t('scan.camera.stop')}
          </button>
        </>
      ) : (
        <button
          type="button"
          disabled={props.disabled}
          onClick={() => {
            setError(null);
            setOpen(true);
          }}
          data-testid="use-camera"
        >
          {t('scan.camera.open')}
        </button>
      )}
      {error ? (
        <p className="error-notice" role="alert" data-testid="camera-error" data-kind={error}>
          {t(ERROR_KEYS[error])}
        </p>
      ) : null}
    </section>
  );
}

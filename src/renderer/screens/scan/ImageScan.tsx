/** A photo of the licence's back, chosen as a file: read by the decoder, which loads only now. */
import { useId, useState, type ChangeEvent } from 'react';
import { useI18n } from '../../i18n/i18n';
import { createLicenceDecoder } from '../../scan/pdf417-decoder';

export function ImageScan(props: { onText: (raw: string) => void; disabled: boolean }) {
  const { t } = useI18n();
  const id = useId();
  const [state, setState] = useState<'idle' | 'reading' | 'none' | 'failed'>('idle');

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const input = event.target;
    const file = input.files?.[0];
    if (!file) return;
    setState('reading');
    const decoder = createLicenceDecoder();
    try {
      const text = await decoder.decodeFile(file);
      setState(text === null ? 'none' : 'idle');
      if (text !== null) props.onText(text);
    } catch {
      setState('failed');
    } finally {
      decoder.dispose();
      // The same file can be chosen again, and the page keeps no reference to it.
      input.value = '';
    }
  }

  return (
    <section className="scan-way" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('scan.image.title')}</h2>
      {/* The browser's own "Choose File" button speaks the system's language, not the app's: the
          input is hidden and its label, in the screen's language, is the button. */}
      <div className="file-pick">
        <input
          id={id}
          className="visually-hidden"
          type="file"
          accept="image/png,image/jpeg,image/webp,image/bmp"
          disabled={props.disabled || state === 'reading'}
          onChange={(event) => void choose(event)}
          data-testid="licence-image"
        />
        <label htmlFor={id}>{t('scan.image.label')}</label>
      </div>
      {state === 'reading' ? (
        <p role="status">{t('scan.image.reading')}</p>
      ) : state === 'none' ? (
        <p className="error-notice" role="alert">
          {t('scan.image.none')}
        </p>
      ) : state === 'failed' ? (
        <p className="error-notice" role="alert">
          {t('scan.camera.decoderFailed')}
        </p>
      ) : null}
    </section>
  );
}

/**
 * Scan the new applicant's licence: the store's barcode scanner (no box needs the focus), the camera,
 * or a photo; or type the details instead. The terminal checks expiry and age itself, then main
 * reads the barcode (Flexiti first) into a prefill. The barcode text lives only for that call.
 */
import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { LicencePrefill } from '../../../shared/ipc/channels/application';
import type { ResponseOf } from '../../../shared/ipc/contract';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Progress } from '../../components/Progress';
import { ScreenHeading } from '../../components/ScreenHeading';
import { useI18n } from '../../i18n/i18n';
import { pos } from '../../pos-api';
import { appErrorOf, unwrap, type PosError } from '../../use-pos-mutation';
import { todayIso } from '../application/today';
import type { WedgeRejection } from '../../scan/wedge-detector';
import { CameraScan } from './CameraScan';
import { ImageScan } from './ImageScan';
import { licenceFlags, type LicenceFlags } from './licence-flags';
import { LicenceFlagNotice } from './LicenceFlagNotice';
import { useWedgeScan } from './use-wedge-scan';

export interface ScanOutcome {
  prefill: LicencePrefill;
  flags: LicenceFlags;
}

export function ScanScreen(props: {
  flowId: string;
  onScanned: (outcome: ScanOutcome) => void;
  onManual: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [flags, setFlags] = useState<LicenceFlags | null>(null);
  const [rejected, setRejected] = useState(false);
  // The barcode text waits here only until the decode call takes it.
  const pendingRaw = useRef<string | null>(null);
  // No request variables: the mutation cache never holds the barcode.
  const decode = useMutation<ResponseOf<'application.decodeLicence'>, PosError, void>({
    mutationFn: () => {
      const raw = pendingRaw.current ?? '';
      pendingRaw.current = null;
      return unwrap(pos.application.decodeLicence({ flowId: props.flowId, raw }));
    },
  });

  function scanned(raw: string) {
    if (decode.isPending) return;
    setRejected(false);
    const checked = licenceFlags(raw, todayIso());
    setFlags(checked);
    pendingRaw.current = raw;
    decode.mutate(undefined, {
      onSuccess: (result) => props.onScanned({ prefill: result.prefill, flags: checked }),
    });
  }

  useWedgeScan(scanned, (rejection: WedgeRejection) => {
    if (rejection.reason === 'too_short' || rejection.reason === 'too_slow') setRejected(true);
  });

  const busy = decode.isPending;
  return (
    <main className="screen" data-screen="scan">
      <div className="screen-head">
        <ScreenHeading testId="scan-heading">{t('scan.title')}</ScreenHeading>
        <button type="button" onClick={props.onCancel}>
          {t('application.cancel')}
        </button>
      </div>
      <section className="scan-way" aria-labelledby="scan-wedge-title">
        <h2 id="scan-wedge-title">{t('scan.wedge.title')}</h2>
        <p>{t('scan.wedge.body')}</p>
        {rejected ? (
          <p className="error-notice" role="alert" data-testid="wedge-rejected">
            {t('scan.wedge.incomplete')}
          </p>
        ) : null}
      </section>
      <div className="scan-ways">
        <CameraScan onText={scanned} disabled={busy} />
        <ImageScan onText={scanned} disabled={busy} />
      </div>
      {busy ? <Progress label={t('scan.reading')} /> : null}
      <LicenceFlagNotice flags={flags} />
      <ErrorNotice error={appErrorOf(decode.error)} />
      <div className="actions">
        <button type="button" onClick={props.onManual} disabled={busy} data-testid="manual-entry">
          {t('scan.manual')}
        </button>
      </div>
    </main>
  );
}

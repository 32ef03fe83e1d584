/**
 * "Export CSV": asks main for the file, then hands it to the browser as a download from a Blob URL.
 * The CSP governs what the page loads, not what it saves, so the Blob download needs no new
 * directive; the URL is revoked at once so the text does not linger in memory.
 */
import { useState } from 'react';
import type { AppError } from '../../shared/app-error';
import type { IpcResult } from '../../shared/ipc/result';
import { useI18n } from '../i18n/i18n';
import { appErrorOf, unwrap } from '../use-pos-mutation';
import { ErrorNotice } from './ErrorNotice';

export function CsvExport(props: { fileName: string; load: () => Promise<IpcResult<{ csv: string }>> }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  const exportCsv = async () => {
    setBusy(true);
    setDone(false);
    setError(null);
    try {
      const { csv } = await unwrap(props.load());
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = props.fileName;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 0);
      setDone(true);
    } catch (caught) {
      setError(appErrorOf(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="csv-export no-print">
      <button type="button" onClick={() => void exportCsv()} disabled={busy} data-testid="export-csv">
        {busy ? t('common.exporting') : t('common.exportCsv')}
      </button>
      <p role="status" className="hint-line">
        {done ? t('common.exported', { name: props.fileName }) : ''}
      </p>
      <ErrorNotice error={error} />
    </div>
  );
}

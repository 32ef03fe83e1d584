/**
 * The terminal's settings as a form. Only changed, unlocked fields are sent; main re-checks every
 * rule (locks, live environments) and its refusal is shown in plain words.
 */
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { PROVINCE_CODES, PROVINCES } from '../../../shared/provinces';
import type { SettingsView } from '../../../shared/ipc/channels/settings';
import type { RequestOf } from '../../../shared/ipc/contract';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Progress } from '../../components/Progress';
import { useI18n } from '../../i18n/i18n';
import { pos } from '../../pos-api';
import { appErrorOf, unwrap, usePosMutation } from '../../use-pos-mutation';
import { SettingControl } from './SettingControl';

type Patch = RequestOf<'settings.update'>['patch'];
type Answer = { settings: SettingsView; locked: string[] };

interface Draft {
  environment: SettingsView['environment'];
  customBaseUrl: string;
  locationId: string;
  registerId: string;
  language: SettingsView['language'];
  idleLockMinutes: string;
  receiptFormat: SettingsView['receipt']['format'];
  receiptCopies: string;
  printerName: string;
  storeProvince: SettingsView['storeProvince'];
}

const ENVIRONMENTS = ['sandbox', 'mi', 'training', 'production', 'custom'] as const;
const RECEIPT_FORMATS = ['bilingual', 'en', 'fr', 'auto'] as const;

function draftOf(settings: SettingsView): Draft {
  return {
    environment: settings.environment,
    customBaseUrl: settings.customBaseUrl ?? '',
    locationId: settings.locationId,
    registerId: settings.registerId,
    language: settings.language,
    idleLockMinutes: String(settings.idleLockMinutes),
    receiptFormat: settings.receipt.format,
    receiptCopies: String(settings.receipt.copies),
    printerName: settings.receipt.printerName ?? '',
    storeProvince: settings.storeProvince,
  };
}

function wholeIn(text: string, min: number, max: number): number | null {
  if (!/^\d{1,3}$/.test(text.trim())) return null;
  const value = Number(text.trim());
  return value >= min && value <= max ? value : null;
}

function pick<T extends string>(values: readonly T[], value: string, fallback: T): T {
  return values.find((candidate) => candidate === value) ?? fallback;
}

export function SettingsForm(props: {
  initial: Answer;
  justSaved: boolean;
  onSaved: (answer: Answer) => void;
}) {
  const { t, locale } = useI18n();
  const { settings, locked } = props.initial;
  const [draft, setDraft] = useState<Draft>(() => draftOf(settings));
  const [tried, setTried] = useState(false);
  const [unchanged, setUnchanged] = useState(false);
  const [touched, setTouched] = useState(false);
  const update = usePosMutation(pos.settings.update, { onSuccess: props.onSaved });
  // The shell's status (refreshed after every save): says when a changed environment needs a restart.
  const status = useQuery({
    queryKey: ['app.status'],
    queryFn: () => unwrap(pos.app.status({})),
    enabled: false,
  });
  const pendingEnvironment = status.data?.restartRequired ? status.data.pendingEnvironment : undefined;
  const isLocked = (field: string) => locked.includes(field);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setUnchanged(false);
    setTouched(true);
    setDraft((current) => ({ ...current, [key]: value }));
  };

  const idle = wholeIn(draft.idleLockMinutes, 1, 120);
  const copies = wholeIn(draft.receiptCopies, 1, 3);
  const urlOk = draft.environment !== 'custom' || /^https:\/\/\S+$/.test(draft.customBaseUrl.trim());

  function patchOf(idleMinutes: number, copyCount: number): Patch {
    const patch: Patch = {};
    const changed = (field: string, differs: boolean) => differs && !isLocked(field);
    if (changed('environment', draft.environment !== settings.environment))
      patch.environment = draft.environment;
    const url = draft.customBaseUrl.trim();
    if (changed('customBaseUrl', url !== (settings.customBaseUrl ?? '')))
      patch.customBaseUrl = url === '' ? null : url;
    if (changed('locationId', draft.locationId.trim() !== settings.locationId))
      patch.locationId = draft.locationId.trim();
    if (changed('registerId', draft.registerId.trim() !== settings.registerId))
      patch.registerId = draft.registerId.trim();
    if (changed('language', draft.language !== settings.language)) patch.language = draft.language;
    if (changed('idleLockMinutes', idleMinutes !== settings.idleLockMinutes))
      patch.idleLockMinutes = idleMinutes;
    if (changed('storeProvince', draft.storeProvince !== settings.storeProvince))
      patch.storeProvince = draft.storeProvince;
    const receipt: NonNullable<Patch['receipt']> = {};
    if (changed('receipt.format', draft.receiptFormat !== settings.receipt.format))
      receipt.format = draft.receiptFormat;
    if (changed('receipt.copies', copyCount !== settings.receipt.copies)) receipt.copies = copyCount;
    const printer = draft.printerName.trim();
    if (changed('receipt.printerName', printer !== (settings.receipt.printerName ?? '')))
      receipt.printerName = printer === '' ? null : printer;
    if (Object.keys(receipt).length > 0) patch.receipt = receipt;
    return patch;
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (idle === null || copies === null || !urlOk) return;
    const patch = patchOf(idle, copies);
    if (Object.keys(patch).length === 0) {
      setUnchanged(true);
      return;
    }
    update.mutate({ patch });
  }

  return (
    <form onSubmit={submit} className="settings-form" data-testid="settings-form">
      {props.justSaved && !touched ? (
        <p role="status" className="success" data-testid="settings-saved">
          {t('settings.saved')}
        </p>
      ) : null}
      <div className="settings-environment">
        {pendingEnvironment !== undefined ? (
          <p role="status" className="notice" data-testid="restart-note">
            {t('restart.settingsNote')}{' '}
            {t('restart.banner', { environment: t(`settings.env.${pendingEnvironment}`) })}
          </p>
        ) : null}
        <SettingControl
          label={t('settings.environment')}
          name="environment"
          value={draft.environment}
          locked={isLocked('environment')}
          onChange={(value) => set('environment', pick(ENVIRONMENTS, value, draft.environment))}
          options={ENVIRONMENTS.map((value) => ({ value, label: t(`settings.env.${value}`) }))}
        />
        {draft.environment === 'custom' ? (
          <SettingControl
            label={t('settings.customBaseUrl')}
            name="customBaseUrl"
            value={draft.customBaseUrl}
            locked={isLocked('customBaseUrl')}
            inputMode="url"
            onChange={(value) => set('customBaseUrl', value)}
            invalid={tried && !urlOk ? t('settings.urlInvalid') : null}
          />
        ) : null}
      </div>
      <div className="settings-grid">
        <SettingControl
          label={t('settings.locationId')}
          name="locationId"
          value={draft.locationId}
          locked={isLocked('locationId')}
          onChange={(value) => set('locationId', value)}
        />
        <SettingControl
          label={t('settings.registerId')}
          name="registerId"
          value={draft.registerId}
          locked={isLocked('registerId')}
          onChange={(value) => set('registerId', value)}
        />
        <SettingControl
          label={t('settings.language')}
          name="language"
          value={draft.language}
          locked={isLocked('language')}
          onChange={(value) => set('language', value === 'fr' ? 'fr' : 'en')}
          options={[
            { value: 'en', label: t('settings.lang.en') },
            { value: 'fr', label: t('settings.lang.fr') },
          ]}
        />
        <SettingControl
          label={t('settings.idleLock')}
          name="idleLockMinutes"
          value={draft.idleLockMinutes}
          locked={isLocked('idleLockMinutes')}
          inputMode="numeric"
          onChange={(value) => set('idleLockMinutes', value)}
          invalid={tried && idle === null ? t('settings.idleInvalid') : null}
        />
        <SettingControl
          label={t('settings.storeProvince')}
          name="storeProvince"
          value={draft.storeProvince}
          locked={isLocked('storeProvince')}
          onChange={(value) => set('storeProvince', pick(PROVINCE_CODES, value, draft.storeProvince))}
          options={PROVINCE_CODES.map((code) => ({
            value: code,
            label: locale === 'fr' ? PROVINCES[code].nameFr : PROVINCES[code].nameEn,
          }))}
        />
      </div>
      <fieldset>
        <legend>{t('settings.receipt')}</legend>
        <div className="settings-grid">
          <SettingControl
            label={t('settings.receiptFormat')}
            name="receipt.format"
            value={draft.receiptFormat}
            locked={isLocked('receipt.format')}
            onChange={(value) => set('receiptFormat', pick(RECEIPT_FORMATS, value, draft.receiptFormat))}
            options={RECEIPT_FORMATS.map((value) => ({ value, label: t(`settings.receiptFormat.${value}`) }))}
          />
          <SettingControl
            label={t('settings.receiptCopies')}
            name="receipt.copies"
            value={draft.receiptCopies}
            locked={isLocked('receipt.copies')}
            inputMode="numeric"
            onChange={(value) => set('receiptCopies', value)}
            invalid={tried && copies === null ? t('settings.copiesInvalid') : null}
          />
          <SettingControl
            label={t('settings.printerName')}
            name="receipt.printerName"
            value={draft.printerName}
            locked={isLocked('receipt.printerName')}
            onChange={(value) => set('printerName', value)}
          />
        </div>
      </fieldset>
      {update.isPending ? <Progress label={t('settings.saving')} /> : null}
      {unchanged ? <p role="status">{t('settings.nothingChanged')}</p> : null}
      <ErrorNotice error={appErrorOf(update.error)} />
      <button type="submit" className="primary" disabled={update.isPending} data-testid="save-settings">
        {t('settings.save')}
      </button>
    </form>
  );
}

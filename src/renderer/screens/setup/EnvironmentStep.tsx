/**
 * First start, step 2: demo mode (the embedded simulator, nothing to enter) or a live Flexiti
 * environment. For a live one the settings are saved first (main refuses a live environment where
 * the terminal was not started for one), then the credentials go straight to the keychain through the
 * shared credentials form, which keeps the secret write-only.
 */
import { useState } from 'react';
import type { RequestOf } from '../../../shared/ipc/contract';
import { CredentialsForm } from '../../components/CredentialsForm';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { Progress } from '../../components/Progress';
import { useI18n } from '../../i18n/i18n';
import { pos } from '../../pos-api';
import { appErrorOf, unwrap, usePosMutation } from '../../use-pos-mutation';

const LIVE_ENVIRONMENTS = ['mi', 'training', 'production', 'custom'] as const;
type LiveEnvironment = (typeof LIVE_ENVIRONMENTS)[number];
type Patch = RequestOf<'settings.update'>['patch'];

const HTTPS_URL = /^https:\/\/\S+$/;

export function EnvironmentStep(props: { onDone: () => void }) {
  const { t } = useI18n();
  const [choice, setChoice] = useState<'demo' | 'live'>('demo');
  const [environment, setEnvironment] = useState<LiveEnvironment>('mi');
  const [customBaseUrl, setCustomBaseUrl] = useState('');
  const [locationId, setLocationId] = useState('');
  const [registerId, setRegisterId] = useState('');
  const [saved, setSaved] = useState(false);
  const [liveRefused, setLiveRefused] = useState(false);
  const test = usePosMutation(pos.connection.test);

  function patchOf(): Patch {
    const patch: Patch = { environment, locationId: locationId.trim(), registerId: registerId.trim() };
    if (environment === 'custom') patch.customBaseUrl = customBaseUrl.trim();
    return patch;
  }

  function choose(next: 'demo' | 'live') {
    setChoice(next);
    setLiveRefused(false);
    setSaved(false);
  }

  return (
    <main className="screen narrow">
      <h1>{t('setup.env.title')}</h1>
      <p>{t('setup.env.intro')}</p>
      <fieldset>
        <legend>{t('setup.env.choice')}</legend>
        <label className="radio">
          <input
            type="radio"
            name="terminal-mode"
            checked={choice === 'demo'}
            onChange={() => choose('demo')}
          />
          {t('setup.env.demo')}
        </label>
        <label className="radio">
          <input
            type="radio"
            name="terminal-mode"
            checked={choice === 'live'}
            onChange={() => choose('live')}
          />
          {t('setup.env.live')}
        </label>
      </fieldset>

      {choice === 'demo' || liveRefused ? (
        <>
          {choice === 'demo' ? <p>{t('setup.env.demoHint')}</p> : null}
          {liveRefused ? (
            <p role="alert" className="error-notice" data-testid="live-refused">
              {t('setup.env.liveRefused')}
            </p>
          ) : null}
          <button type="button" className="primary" onClick={props.onDone} data-testid="use-demo">
            {t('setup.env.useDemo')}
          </button>
        </>
      ) : saved ? (
        <section aria-labelledby="live-saved">
          <p role="status" id="live-saved" data-testid="live-saved">
            {t('setup.env.saved')}
          </p>
          {test.isPending ? <Progress label={t('credentials.testing')} /> : null}
          {test.data ? (
            <p role="status" data-testid="connection-ok">
              {t('credentials.testOk', { ms: String(test.data.latencyMs) })}
            </p>
          ) : null}
          <ErrorNotice error={appErrorOf(test.error)} />
          <div className="actions">
            <button
              type="button"
              disabled={test.isPending}
              onClick={() => test.mutate({})}
              data-testid="test-connection"
            >
              {t('credentials.test')}
            </button>
            <button type="button" className="primary" onClick={props.onDone} data-testid="finish-setup">
              {t('setup.env.finish')}
            </button>
          </div>
        </section>
      ) : (
        <CredentialsForm
          // The settings first: main refuses a live environment where the terminal was not started for one.
          save={async (clientId, clientSecret) => {
            await unwrap(pos.settings.update({ patch: patchOf() }));
            return unwrap(pos.credentials.replace({ clientId, clientSecret }));
          }}
          othersValid={() =>
            locationId.trim() !== '' &&
            registerId.trim() !== '' &&
            (environment !== 'custom' || HTTPS_URL.test(customBaseUrl.trim()))
          }
          invalidMessage={t('setup.env.invalid')}
          submitLabel={t('setup.env.saveLive')}
          submitTestId="save-live"
          primary
          formTestId="live-form"
          onAttempt={() => {
            setLiveRefused(false);
            test.reset();
          }}
          onSaved={() => setSaved(true)}
          onError={(error) => setLiveRefused(appErrorOf(error)?.code === 'live_not_allowed')}
        >
          <fieldset>
            <legend>{t('setup.env.which')}</legend>
            {LIVE_ENVIRONMENTS.map((value) => (
              <label className="radio" key={value}>
                <input
                  type="radio"
                  name="environment"
                  value={value}
                  checked={environment === value}
                  onChange={() => setEnvironment(value)}
                />
                {t(`settings.env.${value}`)}
              </label>
            ))}
          </fieldset>
          {environment === 'custom' ? (
            <Field
              label={t('settings.customBaseUrl')}
              value={customBaseUrl}
              onChange={(e) => setCustomBaseUrl(e.target.value)}
              required
              inputMode="url"
              maxLength={500}
              name="customBaseUrl"
            />
          ) : null}
          <Field
            label={t('settings.locationId')}
            value={locationId}
            onChange={(e) => setLocationId(e.target.value)}
            required
            maxLength={50}
            name="locationId"
          />
          <Field
            label={t('settings.registerId')}
            value={registerId}
            onChange={(e) => setRegisterId(e.target.value)}
            required
            maxLength={50}
            name="registerId"
          />
        </CredentialsForm>
      )}
    </main>
  );
}

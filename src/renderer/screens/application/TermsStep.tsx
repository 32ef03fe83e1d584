/**
 * Every term Flexiti serves for the customer's province, in full (French first in Quebec), each
 * accepted explicitly; then the submit, with progress while Flexiti decides.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Applicant, ApplicationDecisionView } from '../../../shared/ipc/channels/application';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Progress } from '../../components/Progress';
import { useI18n } from '../../i18n/i18n';
import { pos } from '../../pos-api';
import { appErrorOf, unwrap, usePosMutation } from '../../use-pos-mutation';
import { TermDocument } from './TermDocument';

export function TermsStep(props: {
  flowId: string;
  applicant: Applicant;
  onDecision: (decision: ApplicationDecisionView) => void;
  onBack: () => void;
}) {
  const { t, locale } = useI18n();
  const { province } = props.applicant;
  const [accepted, setAccepted] = useState<ReadonlySet<string>>(new Set());
  const [missing, setMissing] = useState(false);
  const terms = useQuery({
    queryKey: ['application.terms', province, locale],
    queryFn: () => unwrap(pos.application.terms({ province, language: locale })),
    staleTime: 5 * 60_000,
  });
  const submit = usePosMutation(pos.application.submit, { onSuccess: props.onDecision });

  if (terms.isPending) return <Progress label={t('application.terms.loading')} />;
  if (terms.isError) return <ErrorNotice error={appErrorOf(terms.error)} />;

  const shown = terms.data.sets.flatMap((set) =>
    set.terms.map((term) => ({
      ...term,
      language: set.language,
      key: `${set.language}:${term.id}:${term.version}`,
    })),
  );
  const allAccepted = shown.length > 0 && shown.every((term) => accepted.has(term.key));

  function send() {
    if (!allAccepted) return setMissing(true);
    setMissing(false);
    const seen = new Set<string>();
    const consentTerms = [];
    for (const term of shown) {
      const id = `${term.id}\u0000${term.version}`;
      if (seen.has(id)) continue;
      seen.add(id);
      consentTerms.push({ id: term.id, version: term.version });
    }
    submit.mutate({
      flowId: props.flowId,
      applicant: props.applicant,
      consent: {
        terms: consentTerms.slice(0, 20),
        language: locale,
        tosAgreement: true,
        creditConsent: true,
      },
    });
  }

  return (
    <div data-testid="terms-step">
      <p>{t('application.terms.intro')}</p>
      {terms.data.sets.map((set) => (
        <div key={set.language} className="term-set" data-testid={`terms-${set.language}`}>
          {set.terms.map((term) => {
            const key = `${set.language}:${term.id}:${term.version}`;
            return (
              <TermDocument
                key={key}
                testId={`term-${set.language}-${term.id}`}
                title={term.title}
                bodyHtml={term.bodyHtml}
                language={set.language}
                accepted={accepted.has(key)}
                onAccept={(yes) =>
                  setAccepted((current) => {
                    const next = new Set(current);
                    if (yes) next.add(key);
                    else next.delete(key);
                    return next;
                  })
                }
              />
            );
          })}
        </div>
      ))}
      {/* Gone as soon as the last box is ticked: a stale "must accept" beside ticked boxes misleads. */}
      {missing && !allAccepted ? (
        <p className="error-notice" role="alert">
          {t('application.terms.missing')}
        </p>
      ) : null}
      <ErrorNotice error={appErrorOf(submit.error)} />
      {submit.isPending ? <Progress label={t('application.submitting')} /> : null}
      <div className="actions">
        <button type="button" onClick={props.onBack} disabled={submit.isPending}>
          {t('application.terms.back')}
        </button>
        <button
          type="button"
          className="primary"
          onClick={send}
          disabled={submit.isPending}
          data-testid="submit-application"
        >
          {t('application.submit')}
        </button>
      </div>
    </div>
  );
}

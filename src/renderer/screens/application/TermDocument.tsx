/** One term shown in full, with the box the cashier ticks once the customer has read and accepted it. */
import { useId, useMemo } from 'react';
import { useI18n } from '../../i18n/i18n';
import { allowListTermsHtml } from './terms-allow-list';

export function TermDocument(props: {
  title: string;
  bodyHtml: string;
  language: 'en' | 'fr';
  accepted: boolean;
  onAccept: (accepted: boolean) => void;
  testId: string;
}) {
  const { t } = useI18n();
  const id = useId();
  const html = useMemo(() => allowListTermsHtml(props.bodyHtml, props.title), [props.bodyHtml, props.title]);
  return (
    <section
      className="term-document"
      aria-labelledby={`${id}-title`}
      lang={props.language === 'fr' ? 'fr-CA' : 'en-CA'}
      data-testid={props.testId}
    >
      <h2 id={`${id}-title`}>{props.title}</h2>
      {/* Checked twice: reduced by main, then by allowListTermsHtml here. */}
      <div
        className="term-body"
        role="region"
        // Scrollable: reachable by keyboard so the customer can read it to the end.
        tabIndex={0}
        aria-label={props.title}
        dangerouslySetInnerHTML={{ __html: html }}
      />
      <label className="radio accept">
        <input
          type="checkbox"
          checked={props.accepted}
          onChange={(event) => props.onAccept(event.target.checked)}
        />
        {t('application.terms.accept', { title: props.title })}
      </label>
    </section>
  );
}

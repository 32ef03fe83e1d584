/** The customer's security question, read out by the cashier; the answer goes to Flexiti and nowhere else. */
import { useState, type FormEvent } from 'react';
import { Field } from '../../components/Field';
import { useCustomerI18n } from '../../i18n/customer-language';

export function SecurityQuestion(props: {
  question: string | undefined;
  busy: boolean;
  onAnswer: (answer: string) => void;
}) {
  // Read out to the customer and answered by them: in their language.
  const { t, lang } = useCustomerI18n();
  const [answer, setAnswer] = useState('');

  function submit(event: FormEvent) {
    event.preventDefault();
    const clean = answer.trim();
    if (clean !== '') props.onAnswer(clean.slice(0, 50));
    setAnswer('');
  }

  return (
    <section className="security-question" aria-labelledby="question-title" lang={lang}>
      <h2 id="question-title">{t('verify.question')}</h2>
      <p className="question-text">{props.question ?? t('verify.questionMissing')}</p>
      <form onSubmit={submit}>
        <Field
          label={t('verify.answerLabel')}
          value={answer}
          onChange={(e) => setAnswer(e.target.value)}
          required
          maxLength={50}
          autoComplete="off"
          name="securityAnswer"
        />
        <button type="submit" className="primary" disabled={props.busy}>
          {t('verify.checkAnswer')}
        </button>
      </form>
    </section>
  );
}

/**
 * The credit application form, built from Flexiti's lists in the customer's language. Optional
 * fields are never required; problems are shown beside their field in plain words on "Next".
 */
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { Applicant } from '../../../shared/ipc/channels/application';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Progress } from '../../components/Progress';
import { useI18n } from '../../i18n/i18n';
import { pos } from '../../pos-api';
import { appErrorOf, unwrap } from '../../use-pos-mutation';
import { checkForm, type FieldName, type FormProblems, type FormValues } from './application-form-values';
import { FormField } from './FormField';
import { SelectField } from './SelectField';
import { todayIso } from './today';

export function ApplicationForm(props: {
  values: FormValues;
  onChange: (values: FormValues) => void;
  /** `•••• 0905` when a licence was scanned: its number stays in main. */
  scannedNumber: string | null;
  onNext: (applicant: Applicant) => void;
  onCancel: () => void;
}) {
  const { t, locale } = useI18n();
  const [problems, setProblems] = useState<FormProblems>({});
  const formData = useQuery({
    queryKey: ['application.formData', locale],
    queryFn: () => unwrap(pos.application.formData({ language: locale })),
    staleTime: Infinity,
  });
  const v = props.values;
  const set = <K extends FieldName>(field: K, value: FormValues[K]) =>
    props.onChange({ ...v, [field]: value });
  const problem = (field: FieldName) => {
    const key = problems[field];
    return key ? t(key) : undefined;
  };
  const text = (field: Exclude<FieldName, 'insuranceOptIn' | 'preferredLanguage'>, extra = {}) => ({
    name: field,
    value: v[field],
    onChange: (event: { target: { value: string } }) => set(field, event.target.value),
    problem: problem(field),
    autoComplete: 'off',
    ...extra,
  });

  function next(event: FormEvent) {
    event.preventDefault();
    const checked = checkForm(v, { locale, today: todayIso(), scannedNumber: props.scannedNumber !== null });
    if (!checked.ok) {
      setProblems(checked.problems);
      // The first field with a problem takes the focus, so the cashier sees where to look.
      requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setProblems({});
    props.onNext(checked.applicant);
  }

  if (formData.isPending) return <Progress label={t('application.form.loading')} />;
  if (formData.isError) return <ErrorNotice error={appErrorOf(formData.error)} />;
  const data = formData.data;
  const issuers = data.govidIssuers[v.govidType] ?? [];
  const choose = t('application.choose');
  const count = Object.keys(problems).length;

  return (
    <form onSubmit={next} noValidate aria-label={t('application.form.title')} data-testid="application-form">
      {count > 0 ? (
        <p className="error-notice" role="alert" data-testid="form-problems">
          {count === 1
            ? t('application.form.problemOne')
            : t('application.form.problems', { count: String(count) })}
        </p>
      ) : null}
      <fieldset>
        <legend>{t('application.form.person')}</legend>
        <SelectField
          label={t('application.field.salutation')}
          name="salutation"
          value={v.salutation}
          options={data.salutations}
          placeholder={t('application.optionalChoice')}
          onChange={(value) => set('salutation', value)}
        />
        <FormField label={t('application.field.firstName')} required {...text('firstName')} />
        <FormField label={t('application.field.middleName')} {...text('middleName')} />
        <FormField label={t('application.field.lastName')} required {...text('lastName')} />
        <FormField label={t('application.field.dob')} required placeholder="1990-01-31" {...text('dob')} />
      </fieldset>
      <fieldset>
        <legend>{t('application.form.address')}</legend>
        <FormField label={t('application.field.address1')} required {...text('address1')} />
        <FormField label={t('application.field.address2')} {...text('address2')} />
        <FormField label={t('application.field.city')} required {...text('city')} />
        <SelectField
          label={t('application.field.province')}
          name="province"
          value={v.province}
          options={data.provinces}
          placeholder={choose}
          required
          problem={problem('province')}
          onChange={(value) => set('province', value)}
        />
        <FormField label={t('application.field.postalCode')} required {...text('postalCode')} />
      </fieldset>
      <fieldset>
        <legend>{t('application.form.contact')}</legend>
        <FormField
          label={t('application.field.phone')}
          required
          inputMode="tel"
          hint={t('application.hint.phone')}
          {...text('phoneNumber')}
        />
        <FormField label={t('application.field.email')} required type="email" {...text('email')} />
        <div className="field">
          <label htmlFor="preferred-language">{t('application.field.preferredLanguage')}</label>
          <select
            id="preferred-language"
            name="preferredLanguage"
            value={v.preferredLanguage}
            onChange={(event) =>
              set(
                'preferredLanguage',
                event.target.value === 'fr' ? 'fr' : event.target.value === 'en' ? 'en' : '',
              )
            }
          >
            <option value="">{t('application.optionalChoice')}</option>
            <option value="en">English</option>
            <option value="fr">Français</option>
          </select>
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('application.form.money')}</legend>
        <SelectField
          label={t('application.field.housingType')}
          name="housingType"
          value={v.housingType}
          options={data.housingTypes}
          placeholder={choose}
          required
          problem={problem('housingType')}
          onChange={(value) => set('housingType', value)}
        />
        <FormField
          label={t('application.field.monthlyHousingCost')}
          required
          inputMode="decimal"
          hint={t('application.hint.amount')}
          {...text('monthlyHousingCost')}
        />
        <SelectField
          label={t('application.field.occupation')}
          name="occupationId"
          value={v.occupationId}
          options={data.occupations}
          placeholder={choose}
          required
          problem={problem('occupationId')}
          onChange={(value) => set('occupationId', value)}
        />
        <FormField label={t('application.field.employer')} {...text('employer')} />
        <FormField
          label={t('application.field.annualIncome')}
          required
          inputMode="decimal"
          hint={t('application.hint.amount')}
          {...text('annualIncome')}
        />
      </fieldset>
      <fieldset>
        <legend>{t('application.form.id')}</legend>
        <SelectField
          label={t('application.field.govidType')}
          name="govidType"
          value={v.govidType}
          options={data.govidTypes}
          placeholder={choose}
          required
          problem={problem('govidType')}
          onChange={(value) => props.onChange({ ...v, govidType: value, govidIssuedBy: '' })}
        />
        <SelectField
          label={t('application.field.govidIssuedBy')}
          name="govidIssuedBy"
          value={v.govidIssuedBy}
          options={issuers}
          placeholder={choose}
          required
          problem={problem('govidIssuedBy')}
          onChange={(value) => set('govidIssuedBy', value)}
        />
        {props.scannedNumber !== null && v.govidNumber === '' ? (
          <p className="scanned-number" data-testid="scanned-number">
            {t('application.scannedNumber', { number: props.scannedNumber })}
          </p>
        ) : null}
        <FormField
          label={
            props.scannedNumber !== null
              ? t('application.field.govidNumberOther')
              : t('application.field.govidNumber')
          }
          required={props.scannedNumber === null}
          {...text('govidNumber')}
        />
        <FormField
          label={t('application.field.govidExpiry')}
          placeholder="2030-01-31"
          {...text('govidExpiry')}
        />
      </fieldset>
      <fieldset>
        <legend>{t('application.form.security')}</legend>
        <SelectField
          label={t('application.field.securityQuestion')}
          name="securityId"
          value={v.securityId}
          options={data.securityQuestions}
          placeholder={choose}
          required
          problem={problem('securityId')}
          onChange={(value) => set('securityId', value)}
        />
        <FormField label={t('application.field.securityAnswer')} required {...text('securityAnswer')} />
      </fieldset>
      <fieldset>
        <legend>{t('application.form.insurance')}</legend>
        {data.texts.insurance ? <p className="disclosure-text">{data.texts.insurance}</p> : null}
        {data.texts.insuranceTc ? <p className="disclosure-text hint">{data.texts.insuranceTc}</p> : null}
        <label className="radio">
          <input
            type="checkbox"
            name="insuranceOptIn"
            checked={v.insuranceOptIn}
            onChange={(event) => set('insuranceOptIn', event.target.checked)}
          />
          {t('application.field.insuranceOptIn')}
        </label>
      </fieldset>
      {data.texts.annualFees ? <p className="disclosure-text hint">{data.texts.annualFees}</p> : null}
      <div className="actions">
        <button type="button" onClick={props.onCancel}>
          {t('application.cancel')}
        </button>
        <button type="submit" className="primary">
          {t('application.form.next')}
        </button>
      </div>
    </form>
  );
}

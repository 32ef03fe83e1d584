/** How a manager finds a sale: order reference (or its beginning), days, employee, register, last 4. */
import { useState } from 'react';
import type { RequestOf } from '../../../shared/ipc/contract';
import { DateRangeEmployeeFilters } from '../../components/DateRangeEmployeeFilters';
import { Field } from '../../components/Field';
import { useI18n } from '../../i18n/i18n';

export type SalesFilter = Omit<RequestOf<'sales.search'>, 'page' | 'pageSize'>;

export function SalesFilters(props: { onApply: (filter: SalesFilter) => void }) {
  const { t } = useI18n();
  const [reference, setReference] = useState('');
  const [register, setRegister] = useState('');

  return (
    <DateRangeEmployeeFilters
      testId="sales-filters"
      searchTestId="sales-search"
      onApply={(common) => {
        const filter: SalesFilter = { ...common };
        if (reference.trim()) filter.referencePrefix = reference.trim();
        if (register.trim()) filter.registerId = register.trim();
        props.onApply(filter);
      }}
      leading={
        <Field
          label={t('sales.reference')}
          value={reference}
          onChange={(e) => setReference(e.target.value)}
          maxLength={40}
          name="reference"
        />
      }
    >
      <Field
        label={t('common.register')}
        value={register}
        onChange={(e) => setRegister(e.target.value)}
        maxLength={50}
        name="register"
      />
    </DateRangeEmployeeFilters>
  );
}

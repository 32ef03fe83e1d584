/**
 * A valid in-store application body (§0A.10) for apply and widget tests; each call names a new person
 * so customer_already_exists only fires where a test means it to.
 */
let counter = 0;

function letters(n: number): string {
  let out = '';
  let x = n;
  do {
    out = String.fromCharCode(97 + (x % 26)) + out;
    x = Math.floor(x / 26);
  } while (x > 0);
  return out;
}

export function newApplicant(extra: Record<string, unknown> = {}): Record<string, unknown> {
  counter += 1;
  return {
    salutation: 'ms',
    first_name: `Applicant${letters(counter)}`,
    last_name: 'Testcase',
    dob: '1990-05-05',
    address_1: '100 King St W',
    city: 'Toronto',
    province: 'ON',
    postal_code: 'M5X 1A9',
    phone_number: '4165551234',
    email: 'applicant@example.com',
    housing_type: 'Rent',
    monthly_housing_cost: 1200,
    occupation_id: 'FE',
    employer: 'Acme',
    annual_income: '60000.00',
    sin: '046454286',
    govid_type: 'CADL',
    govid_issued_by: 'ON',
    govid_number: 'A1234-56789-01234',
    govid_expiry: '2099-01-01',
    security_id: '4',
    security_answer: 'Rex',
    tos_agreement: true,
    credit_consent: true,
    request_id: `apply-${letters(counter)}`,
    external_location_id: 'STORE-001',
    external_employee_id: 'E100',
    ...extra,
  };
}

/**
 * The sandbox's demo merchants, customers and accounts. Tests and trainers refer to personas through
 * DEMO by name, never by magic numbers. Account ages are relative to the sandbox start.
 */
import type { Account, AccountStatus, AccountType, Card, Customer, Merchant, RiskRating } from './model';

const DAY_MS = 24 * 60 * 60 * 1000;

export const DEMO = {
  merchants: {
    demo: {
      clientId: 'flexitidemo',
      clientSecret: '77xde15a-9d33-4c15-930a-3se4b3as33e9',
      name: 'Flexiti Demo Store',
      merchantId: '12345',
      locations: ['STORE-001', 'STORE-002', '00-12345'],
      employees: { docs: '12345-SMITH', cashier: 'E100', manager: 'E200', restricted: 'E999' },
    },
    second: {
      clientId: 'flexitidemo2',
      clientSecret: '9b2f6c1e-4d7a-4e3b-8f21-6a5c3d2e1f00',
      name: 'Second Demo Store',
      merchantId: '23456',
      locations: ['STORE-101'],
    },
  },
  accounts: {
    miTester: {
      accountNumber: 116994755,
      customerId: '100001',
      vcc: '5212340000001111',
      securityQid: 6,
      securityAnswer: 'Rainbow',
    },
    johnSmith: {
      accountNumber: 123456789,
      customerId: '123321',
      vcc: '5212340000005941',
      securityQid: 4,
      securityAnswer: 'Buddy',
    },
    johnSmithFrozen: {
      accountNumber: 234567890,
      customerId: '123412',
      vcc: '5212340000006457',
      securityQid: 4,
      securityAnswer: 'Buddy',
    },
    quebec: {
      accountNumber: 300100200,
      customerId: '100002',
      vcc: '5212340000003001',
      securityQid: 7,
      securityAnswer: 'Rue Saint-Denis',
    },
    quebecOld: {
      accountNumber: 300100300,
      customerId: '100003',
      vcc: '5212340000003002',
      securityQid: 8,
      securityAnswer: 'Madame Roy',
    },
    authProhibited: {
      accountNumber: 400200300,
      customerId: '100004',
      vcc: '5212340000004003',
      securityQid: 5,
      securityAnswer: 'Portugal',
    },
    business: {
      accountNumber: 500300400,
      customerId: '100005',
      vcc: '5212340000002222',
      securityQid: 9,
      securityAnswer: 'Casablanca',
      authorizedUser: {
        customerId: '100005-200001',
        vcc: '5212340000007788',
        firstName: 'Tom',
        lastName: 'Lee',
      },
    },
    noPhone: {
      accountNumber: 600400500,
      customerId: '100006',
      vcc: '5212340000006005',
      securityQid: 6,
      securityAnswer: 'Metallica',
    },
    inactive: {
      accountNumber: 700500600,
      customerId: '100007',
      vcc: '5212340000007006',
      securityQid: 4,
      securityAnswer: 'Priya',
    },
    standard: {
      accountNumber: 800600700,
      customerId: '100008',
      vcc: '5212340000008007',
      securityQid: 5,
      securityAnswer: 'Japan',
    },
  },
  /** Always 404 on lookup (Flexiti's business-account test plan). */
  notFoundVcc: '2374980012873425',
  /** The apply-flow PIN of the test environments (§10). */
  applyPin: '2222',
} as const;

export type DemoAccountName = keyof typeof DEMO.accounts;

interface Persona {
  customer: Customer;
  account: {
    accountNumber: number;
    accountType: AccountType;
    status: AccountStatus;
    statusReasonCode: string;
    riskRating: RiskRating;
    creditLimit: number;
    openingBalance: number;
    air?: number;
    activated?: boolean;
    paymentProtection?: boolean;
    cards: Card[];
    ageDays: number;
  };
}

function personas(): Persona[] {
  const a = DEMO.accounts;
  const normal = { status: 'N' as const, statusReasonCode: 'NNOR' };
  return [
    {
      customer: {
        customerId: a.miTester.customerId,
        firstName: 'Flexiti',
        lastName: 'MITester',
        dob: '1985-03-14',
        email: 'mitester@example.com',
        phoneNumber: '4165550101',
        address1: '55 University Ave',
        city: 'Toronto',
        province: 'ON',
        postalCode: 'M5J 2H7',
        preferredLanguage: 'en-CA',
        securityQid: a.miTester.securityQid,
        securityAnswer: a.miTester.securityAnswer,
      },
      account: {
        accountNumber: a.miTester.accountNumber,
        accountType: 'consumer',
        ...normal,
        riskRating: 'L',
        creditLimit: 1_500_000,
        openingBalance: 100_000,
        air: 0.3099,
        paymentProtection: true,
        cards: [{ vccNumber: a.miTester.vcc }],
        ageDays: 730,
      },
    },
    {
      customer: {
        customerId: a.johnSmith.customerId,
        firstName: 'John',
        lastName: 'Smith',
        dob: '1900-01-01',
        email: 'john.smith@example.com',
        phoneNumber: '4165550102',
        address1: '123 Any Street',
        city: 'Toronto',
        province: 'ON',
        postalCode: 'M1M 1M1',
        preferredLanguage: 'en-CA',
        securityQid: a.johnSmith.securityQid,
        securityAnswer: a.johnSmith.securityAnswer,
      },
      account: {
        accountNumber: a.johnSmith.accountNumber,
        accountType: 'consumer',
        ...normal,
        riskRating: 'H',
        creditLimit: 100_000,
        openingBalance: 34_049,
        cards: [{ vccNumber: a.johnSmith.vcc }],
        ageDays: 500,
      },
    },
    {
      customer: {
        customerId: a.johnSmithFrozen.customerId,
        firstName: 'John',
        lastName: 'Smith',
        dob: '1900-01-01',
        email: 'john.smith@example.com',
        phoneNumber: '4165550102',
        address1: '123 Any Street',
        city: 'Toronto',
        province: 'ON',
        postalCode: 'M1M 1M1',
        preferredLanguage: 'en-CA',
        securityQid: a.johnSmithFrozen.securityQid,
        securityAnswer: a.johnSmithFrozen.securityAnswer,
      },
      account: {
        accountNumber: a.johnSmithFrozen.accountNumber,
        accountType: 'business',
        status: 'F',
        statusReasonCode: 'FLCK',
        riskRating: 'Y',
        creditLimit: 100_000,
        openingBalance: 15_300,
        cards: [{ vccNumber: a.johnSmithFrozen.vcc }],
        ageDays: 530,
      },
    },
    {
      customer: {
        customerId: a.quebec.customerId,
        firstName: 'Marie',
        lastName: 'Tremblay',
        dob: '1988-07-21',
        email: 'marie.tremblay@example.com',
        phoneNumber: '5145550103',
        address1: '1200 Rue Saint-Denis',
        city: 'Montreal',
        province: 'QC',
        postalCode: 'H2X 1Y4',
        preferredLanguage: 'fr-CA',
        securityQid: a.quebec.securityQid,
        securityAnswer: a.quebec.securityAnswer,
      },
      account: {
        accountNumber: a.quebec.accountNumber,
        accountType: 'consumer',
        ...normal,
        riskRating: 'M',
        creditLimit: 500_000,
        openingBalance: 0,
        cards: [{ vccNumber: a.quebec.vcc }],
        ageDays: 1,
      },
    },
    {
      customer: {
        customerId: a.quebecOld.customerId,
        firstName: 'Luc',
        lastName: 'Gagnon',
        dob: '1975-11-02',
        email: 'luc.gagnon@example.com',
        phoneNumber: '4185550104',
        address1: '8 Rue du Fort',
        city: 'Quebec',
        province: 'QC',
        postalCode: 'G1R 4P5',
        preferredLanguage: 'fr-CA',
        securityQid: a.quebecOld.securityQid,
        securityAnswer: a.quebecOld.securityAnswer,
      },
      account: {
        accountNumber: a.quebecOld.accountNumber,
        accountType: 'consumer',
        ...normal,
        riskRating: 'H',
        creditLimit: 300_000,
        openingBalance: 0,
        cards: [{ vccNumber: a.quebecOld.vcc }],
        ageDays: 30,
      },
    },
    {
      customer: {
        customerId: a.authProhibited.customerId,
        firstName: 'Paul',
        lastName: 'Martin',
        dob: '1970-02-10',
        email: 'paul.martin@example.com',
        phoneNumber: '6135550105',
        address1: '90 Sparks St',
        city: 'Ottawa',
        province: 'ON',
        postalCode: 'K1P 5B4',
        preferredLanguage: 'en-CA',
        securityQid: a.authProhibited.securityQid,
        securityAnswer: a.authProhibited.securityAnswer,
      },
      account: {
        accountNumber: a.authProhibited.accountNumber,
        accountType: 'consumer',
        status: 'A',
        statusReasonCode: 'AAUT',
        riskRating: 'M',
        creditLimit: 500_000,
        openingBalance: 50_000,
        cards: [{ vccNumber: a.authProhibited.vcc }],
        ageDays: 400,
      },
    },
    {
      customer: {
        customerId: a.business.customerId,
        firstName: 'Sarah',
        lastName: 'Lee',
        dob: '1980-06-30',
        email: 'sarah.lee@example.com',
        phoneNumber: '4165550106',
        address1: '200 King St W',
        city: 'Toronto',
        province: 'ON',
        postalCode: 'M5V 3L9',
        preferredLanguage: 'en-CA',
        securityQid: a.business.securityQid,
        securityAnswer: a.business.securityAnswer,
      },
      account: {
        accountNumber: a.business.accountNumber,
        accountType: 'business',
        ...normal,
        riskRating: 'M',
        creditLimit: 2_000_000,
        openingBalance: 0,
        cards: [
          { vccNumber: a.business.vcc },
          {
            vccNumber: a.business.authorizedUser.vcc,
            authorizedUserCustomerId: a.business.authorizedUser.customerId,
            authorizedUserName: {
              firstName: a.business.authorizedUser.firstName,
              lastName: a.business.authorizedUser.lastName,
            },
          },
        ],
        ageDays: 300,
      },
    },
    {
      customer: {
        customerId: a.noPhone.customerId,
        firstName: 'Gary',
        lastName: 'Wong',
        dob: '1992-09-09',
        email: 'gary.wong@example.com',
        phoneNumber: undefined,
        address1: '5000 Highway 7',
        city: 'Markham',
        province: 'ON',
        postalCode: 'L3R 4M9',
        preferredLanguage: 'en-CA',
        securityQid: a.noPhone.securityQid,
        securityAnswer: a.noPhone.securityAnswer,
      },
      account: {
        accountNumber: a.noPhone.accountNumber,
        accountType: 'consumer',
        ...normal,
        riskRating: 'M',
        creditLimit: 300_000,
        openingBalance: 0,
        cards: [{ vccNumber: a.noPhone.vcc }],
        ageDays: 200,
      },
    },
    {
      customer: {
        customerId: a.inactive.customerId,
        firstName: 'Nina',
        lastName: 'Patel',
        dob: '1990-01-25',
        email: 'nina.patel@example.com',
        phoneNumber: '9055550107',
        address1: '100 City Centre Dr',
        city: 'Mississauga',
        province: 'ON',
        postalCode: 'L5B 2C9',
        preferredLanguage: 'en-CA',
        securityQid: a.inactive.securityQid,
        securityAnswer: a.inactive.securityAnswer,
      },
      account: {
        accountNumber: a.inactive.accountNumber,
        accountType: 'consumer',
        ...normal,
        riskRating: 'M',
        creditLimit: 250_000,
        openingBalance: 0,
        activated: false,
        cards: [{ vccNumber: a.inactive.vcc }],
        ageDays: 10,
      },
    },
    {
      customer: {
        customerId: a.standard.customerId,
        firstName: 'Kevin',
        lastName: 'Brown',
        dob: '1983-04-18',
        email: 'kevin.brown@example.com',
        phoneNumber: '6045550108',
        address1: '800 Robson St',
        city: 'Vancouver',
        province: 'BC',
        postalCode: 'V6B 1A1',
        preferredLanguage: 'en-CA',
        securityQid: a.standard.securityQid,
        securityAnswer: a.standard.securityAnswer,
      },
      account: {
        accountNumber: a.standard.accountNumber,
        accountType: 'consumer',
        ...normal,
        riskRating: 'Y',
        creditLimit: 200_000,
        openingBalance: 0,
        cards: [{ vccNumber: a.standard.vcc }],
        ageDays: 250,
      },
    },
  ];
}

export function demoMerchants(): Merchant[] {
  const m = DEMO.merchants;
  return [
    {
      clientId: m.demo.clientId,
      clientSecret: m.demo.clientSecret,
      name: m.demo.name,
      merchantId: m.demo.merchantId,
      provisioned: true,
      preauthAllowed: true,
      merchantOverrideAllowed: true,
      standardAccountsEnabled: true,
      accountTypes: ['consumer', 'business'],
      plans: [4, 5, 7],
      locations: [...m.demo.locations],
      restrictedEmployees: [m.demo.employees.restricted],
      employees: [
        { id: m.demo.employees.docs, name: 'Pat Smith' },
        { id: m.demo.employees.cashier, name: 'Alice Cashier' },
        { id: m.demo.employees.manager, name: 'Bob Manager' },
        { id: m.demo.employees.restricted, name: 'Rita Restricted' },
      ],
    },
    {
      clientId: m.second.clientId,
      clientSecret: m.second.clientSecret,
      name: m.second.name,
      merchantId: m.second.merchantId,
      provisioned: true,
      preauthAllowed: false,
      merchantOverrideAllowed: false,
      standardAccountsEnabled: false,
      accountTypes: ['consumer'],
      plans: [4],
      locations: [...m.second.locations],
      restrictedEmployees: [],
      employees: [{ id: 'E300', name: 'Carol Clerk' }],
    },
  ];
}

/** Customers and accounts of the demo data, with creation dates relative to `start`. */
export function demoCustomersAndAccounts(start: Date): { customers: Customer[]; accounts: Account[] } {
  const origin = DEMO.merchants.demo;
  const customers: Customer[] = [];
  const accounts: Account[] = [];
  for (const p of personas()) {
    customers.push(p.customer);
    const { ageDays, air, activated, paymentProtection, ...acc } = p.account;
    accounts.push({
      ...acc,
      customerId: p.customer.customerId,
      air: air ?? 0.3099,
      activated: activated ?? true,
      tosAgreement: true,
      paymentProtection: paymentProtection ?? false,
      originatingMerchantId: origin.merchantId,
      originatingMerchantName: origin.name,
      createdAt: new Date(start.getTime() - ageDays * DAY_MS),
    });
  }
  return { customers, accounts };
}

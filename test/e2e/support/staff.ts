/**
 * Staff steps the journeys repeat: signing in and out through the screen, and putting a cashier or
 * manager in the terminal's staff directory (the staff screen itself is tested in the manager journey).
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { StaffDirectory } from '../../../src/main/core/staff/staff-directory';
import type { StaffRole } from '../../../src/shared/ipc/channel';
import type { CoreHarness } from '../../integration/helpers/core-harness';
import { DEFAULT_MANAGER } from './first-run';

export interface Person {
  employeeId: string;
  pin: string;
}

export interface NewStaff extends Person {
  name: string;
  role: StaffRole;
}

/** On the sign-in screen: signs the person in and waits for the customer search. */
export async function signIn(page: Page, person: Person = DEFAULT_MANAGER): Promise<void> {
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await page.getByLabel('Employee ID').fill(person.employeeId);
  await page.getByLabel('PIN (4 to 12 digits)').fill(person.pin);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Find a customer' }).waitFor();
}

/** Signs out from the top bar and waits for the sign-in screen. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
}

/** Signs out, then signs the other person in. */
export async function switchTo(page: Page, person: Person): Promise<void> {
  await signOut(page);
  await signIn(page, person);
}

/** Adds staff to the core's directory (its own file in the data dir), as a manager's screen would. */
export async function addStaff(harness: CoreHarness, ...people: NewStaff[]): Promise<void> {
  const staff = StaffDirectory.open(join(harness.dataDir, 'staff.db'));
  try {
    for (const person of people) {
      await staff.add({
        employeeId: person.employeeId,
        name: person.name,
        role: person.role,
        pin: person.pin,
      });
    }
  } finally {
    staff.close();
  }
}

import type { Page } from 'playwright-core';

export interface FirstManager {
  employeeId: string;
  name: string;
  pin: string;
}

/** The manager most journeys start with. */
export const DEFAULT_MANAGER: FirstManager = { employeeId: 'M100', name: 'Mia Manager', pin: '73915824' };

/** Fills the first-start form (already on screen) and submits it. */
export async function createFirstManager(page: Page, manager: FirstManager = DEFAULT_MANAGER): Promise<void> {
  await page.getByLabel('Employee ID').fill(manager.employeeId);
  await page.getByLabel('Name').fill(manager.name);
  await page.getByLabel('PIN (4 to 12 digits)').fill(manager.pin);
  await page.getByLabel('PIN again').fill(manager.pin);
  await page.getByRole('button', { name: 'Create manager and sign in' }).click();
}

/** On the environment step after the first manager: keep the embedded sandbox. */
export async function continueInDemoMode(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Continue in demo mode' }).click();
}

/** A fresh terminal: opens the app, creates the first manager, keeps demo mode, lands on the customer search. */
export async function firstStartInDemoMode(
  page: Page,
  url: string,
  manager: FirstManager = DEFAULT_MANAGER,
): Promise<void> {
  await page.goto(url);
  await page.getByRole('heading', { name: 'First start: create the manager' }).waitFor();
  await createFirstManager(page, manager);
  await continueInDemoMode(page);
  await page.getByRole('heading', { name: 'Find a customer' }).waitFor();
}

/**
 * The new-applicant journey in Chromium against the browser host in demo mode, over the built
 * renderer and the embedded sandbox: a licence read by a keyboard-wedge scanner (keys typed with a
 * scanner's timing), prefilled, completed, terms accepted, approved, then a purchase; a photo of the
 * barcode, pending then approved once the sandbox clock moves while the screen polls; a fake camera,
 * declined; a Quebec applicant typed by hand, French terms first. axe-core runs on every screen;
 * screenshots go to test-artifacts/screenshots/. The licence number is never on the page in full.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { RunningBrowserHost } from '../../src/main/browser-host/browser-host';
import { writeBarcodeY4m } from '../fixtures/camera/make-y4m';
import { renderPdf417Png } from '../fixtures/camera/render-pdf417';
import { buildLicenceBarcode, type LicencePerson } from '../fixtures/licences/build-aamva';
import { scannerGaps, typeText } from '../fixtures/wedge/type-as-wedge';
import { hasChromium, CHROMIUM, launchChromium } from './support/chromium';
import { axeAndScreenshot } from './support/check-screen';
import { sandboxControl } from './support/sandbox-control';
import { firstStartInDemoMode } from './support/first-run';
import { useAppUnderTest } from './support/use-app-under-test';
import { signIn, signOut } from './support/staff';

if (!hasChromium)
  console.warn(`e2e application journey skipped: ${CHROMIUM} is not installed on this machine.`);

/** An Ontario licence; the middle name is the sandbox's decision trigger. */
function person(firstName: string, middleName: string, licenceNumber: string): LicencePerson {
  return {
    jurisdiction: 'ON',
    firstName,
    middleName,
    lastName: 'TESTER',
    dateOfBirth: '1990-04-12',
    expiryDate: '2031-04-12',
    issueDate: '2026-04-12',
    licenceNumber,
    sex: 'F',
    street: '10 KING ST W',
    city: 'TORONTO',
    province: 'ON',
    postalCode: 'M5H 1A1',
  };
}

const AVERY = { number: 'W4821-73950-60417', masked: '•••• 0417' };
const PAIGE = { number: 'P5150-81273-90532', masked: '•••• 0532' };
const DANA = { number: 'D7302-44619-28815', masked: '•••• 8815' };
const AVERY_RAW = buildLicenceBarcode(person('AVERY', 'A-RR_L', AVERY.number), { version: 8 });
const PAIGE_RAW = buildLicenceBarcode(person('PAIGE', 'P-CREDIT', PAIGE.number), { version: 8 });
const DANA_RAW = buildLicenceBarcode(person('DANA', 'D-FRAUD', DANA.number), { version: 8 });
/** Every licence number used, as printed and with the dashes removed. */
const FULL_NUMBERS = [AVERY, PAIGE, DANA].flatMap((l) => [l.number, l.number.replace(/-/g, '')]);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(!hasChromium)('new applicant journey (Chromium)', () => {
  let host: RunningBrowserHost;
  let page: Page;
  let sandboxUrl: string;
  const problems: string[] = [];

  const control = sandboxControl(() => sandboxUrl);

  const checkScreen = (on: Page, name: string) => axeAndScreenshot(on, 'application', name);

  async function expectNoFullNumbers(on: Page): Promise<void> {
    const text = await on.evaluate(() => document.body.innerText);
    const html = await on.content();
    for (const number of FULL_NUMBERS) {
      expect(text).not.toContain(number);
      expect(html).not.toContain(number);
    }
  }

  /** Types the barcode as a keyboard-wedge scanner does: one key every few ms, Enter for LF and CR. */
  async function typeAsWedge(on: Page, raw: string, seed: number): Promise<void> {
    const events = typeText(raw, { style: 'enter', gap: scannerGaps(seed), start: 0 });
    const started = performance.now();
    for (const event of events) {
      if (event.key === 'Shift') continue;
      const due = started + event.timeStamp;
      const wait = due - performance.now();
      if (wait > 1) await sleep(wait);
      await on.keyboard.press(event.key);
    }
  }

  /**
   * Scans until the form opens. On a loaded machine the keys may reach the page too slowly to pass
   * for a scanner; the screen then asks to scan again, as a cashier would.
   */
  async function scanWithWedge(on: Page, raw: string): Promise<void> {
    const form = on.getByRole('heading', { name: 'Credit application' });
    const again = on.getByTestId('wedge-rejected');
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      await typeAsWedge(on, raw, 10 + attempt);
      await form.or(again).first().waitFor({ timeout: 30_000 });
      if (await form.isVisible()) return;
      console.warn(`wedge scan attempt ${attempt} was not recognized; scanning again`);
    }
    throw new Error('the wedge scan was never recognized');
  }

  /** Each journey starts from the lookup screen, whatever the one before left behind. */
  async function home(on: Page): Promise<void> {
    // Via a blank page: a change of fragment alone would not load the app again.
    await on.goto('about:blank');
    await on.goto(host.url);
    await on.getByRole('heading', { name: 'Find a customer' }).waitFor();
  }

  async function openNewApplicant(on: Page): Promise<void> {
    await on.getByTestId('new-applicant').click();
    await on.getByRole('heading', { name: 'Scan the customer’s licence' }).waitFor();
  }

  /** Completes what a licence does not carry, and checks the prefill on the way. */
  async function completeForm(on: Page, first: string, masked: string): Promise<void> {
    const form = on.getByTestId('application-form');
    await form.waitFor();
    await expect(form.getByLabel('First name').inputValue()).resolves.toBe(first);
    await expect(form.getByLabel('Last name').inputValue()).resolves.toBe('Tester');
    await expect(form.getByLabel('Date of birth (YYYY-MM-DD)').inputValue()).resolves.toBe('1990-04-12');
    await expect(form.getByLabel('Postal code').inputValue()).resolves.toBe('M5H 1A1');
    await expect(form.getByLabel('Province or territory').inputValue()).resolves.toBe('ON');
    await expect(on.getByTestId('scanned-number').textContent()).resolves.toContain(masked);
    await form.getByLabel('Mobile phone').fill('416 555 0199');
    await form.getByLabel('E-mail').fill(`${first.toLowerCase()}@example.com`);
    await form.getByLabel('Housing').selectOption('Rent');
    await form.getByLabel('Monthly rent or mortgage, in dollars').fill('1,500');
    await form.getByLabel('Occupation').selectOption('FE');
    await form.getByLabel('Yearly income before tax, in dollars').fill('65,000');
    await form.getByLabel('Question').selectOption({ index: 1 });
    await form.getByLabel('Customer’s answer').fill('Robin');
  }

  async function acceptAllTerms(on: Page): Promise<void> {
    const boxes = on.getByTestId('terms-step').getByRole('checkbox');
    await boxes.first().waitFor();
    for (const box of await boxes.all()) await box.check();
  }

  useAppUnderTest({ problems, failureScreenshot: 'application-failure' }, (app) => {
    ({ host, page, sandboxUrl } = app);
  });

  it('creates the manager and signs in', async () => {
    await firstStartInDemoMode(page, host.url);
  });

  it('reads a licence from the wedge scanner, applies, is approved and can buy', async () => {
    await home(page);
    await openNewApplicant(page);
    await checkScreen(page, 'scan-en');
    await scanWithWedge(page, AVERY_RAW);
    await expect(
      page.getByTestId('application-form').getByLabel('Middle name (optional)').inputValue(),
    ).resolves.toBe('A-RR_L');
    await completeForm(page, 'Avery', AVERY.masked);
    await expectNoFullNumbers(page);
    await checkScreen(page, 'form-en');

    // A missing answer is said beside its field, in words a cashier understands.
    await page.getByTestId('application-form').getByLabel('E-mail').fill('');
    await page.getByRole('button', { name: 'Next: the terms' }).click();
    await page.getByText('Write an e-mail address, for example name@example.com.').waitFor();
    await page.getByTestId('application-form').getByLabel('E-mail').fill('avery@example.com');
    await page.getByRole('button', { name: 'Next: the terms' }).click();

    await page.getByRole('heading', { name: 'Terms of the Flexiti account' }).waitFor();
    await expect(page.getByTestId('terms-en').count()).resolves.toBe(1);
    await expect(page.getByTestId('terms-fr').count()).resolves.toBe(0);
    // Nothing is sent until every text is accepted.
    await page.getByTestId('submit-application').click();
    await page
      .getByText('Every text must be accepted by the customer before sending the application.')
      .waitFor();
    await acceptAllTerms(page);
    await checkScreen(page, 'terms-en');
    await page.getByTestId('submit-application').click();

    await page.getByTestId('decision-approved').waitFor({ timeout: 60_000 });
    await expect(page.getByTestId('approved-card').textContent()).resolves.toMatch(/^•••• \d{4}$/);
    await expect(page.getByTestId('approved-limit').textContent()).resolves.toBe('$10,000.00');
    await expectNoFullNumbers(page);
    await checkScreen(page, 'approved-en');

    await page.getByTestId('approved-purchase').click();
    await page.getByRole('heading', { name: 'Purchase amount' }).waitFor();
    await page.getByLabel('Amount in dollars and cents').fill('250.00');
    await page.getByRole('button', { name: 'See the payment plans' }).click();
    await page.getByRole('heading', { name: 'Payment plans for $250.00' }).waitFor();
    await page.getByTestId('term-4-12').waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('heading', { name: 'Purchase amount' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('heading', { name: 'Find a customer' }).waitFor();
  }, 180_000);

  it('reads a photo of the barcode; pending, then approved while the screen polls', async () => {
    await home(page);
    await openNewApplicant(page);
    const png = await renderPdf417Png(PAIGE_RAW, { moduleSize: 3 });
    await page
      .getByTestId('licence-image')
      .setInputFiles({ name: 'licence.png', mimeType: 'image/png', buffer: png });
    await page.getByRole('heading', { name: 'Credit application' }).waitFor({ timeout: 60_000 });
    await completeForm(page, 'Paige', PAIGE.masked);
    await page.getByRole('button', { name: 'Next: the terms' }).click();
    await acceptAllTerms(page);
    await page.getByTestId('submit-application').click();

    await page.getByTestId('decision-pending').waitFor({ timeout: 60_000 });
    await expect(page.getByTestId('support-reference').textContent()).resolves.toMatch(
      /^Reference for support: \S+$/,
    );
    await page.locator('progress').waitFor();
    await checkScreen(page, 'pending-en');
    // Two polls go out and still find it pending; then the review delay passes.
    let polls = 0;
    page.on('request', (request) => {
      if (request.url().endsWith('/api/application.status')) polls += 1;
    });
    await page.waitForResponse((r) => r.url().endsWith('/api/application.status'), { timeout: 15_000 });
    await expect(page.getByTestId('decision-pending').isVisible()).resolves.toBe(true);
    await control('POST', '/clock', { advance_seconds: 40 });
    await page.getByTestId('decision-approved').waitFor({ timeout: 15_000 });
    expect(polls).toBeGreaterThanOrEqual(1);
    await expect(page.getByTestId('approved-card').textContent()).resolves.toMatch(/^•••• \d{4}$/);
    await expectNoFullNumbers(page);
    await checkScreen(page, 'approved-after-pending-en');
    await page.getByRole('button', { name: 'Done: next customer' }).click();
    await page.getByRole('heading', { name: 'Find a customer' }).waitFor();
  }, 180_000);

  it('reads a licence from the camera, and the application is declined in neutral words', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'application-camera-'));
    const y4m = join(dir, 'licence.y4m');
    writeBarcodeY4m(y4m, DANA_RAW, { frames: 4 });
    const cameraBrowser = await launchChromium([
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${y4m}`,
    ]);
    try {
      const context = await cameraBrowser.newContext({
        viewport: { width: 1280, height: 900 },
        bypassCSP: true,
      });
      await context.grantPermissions(['camera'], { origin: new URL(host.url).origin });
      const cam = await context.newPage();
      const camProblems: string[] = [];
      cam.on('pageerror', (error) => camProblems.push(error.message));
      const wasm: string[] = [];
      cam.on('request', (request) => {
        if (request.url().endsWith('.wasm')) wasm.push(request.url());
      });
      await cam.goto(host.url);
      await cam.getByRole('heading', { name: 'Find a customer' }).waitFor();
      await openNewApplicant(cam);
      // The decoder loads only once the camera is asked for.
      expect(wasm).toEqual([]);
      await cam.getByTestId('use-camera').click();
      await cam.getByRole('heading', { name: 'Credit application' }).waitFor({ timeout: 60_000 });
      expect(wasm.length).toBeGreaterThan(0);
      await completeForm(cam, 'Dana', DANA.masked);
      await cam.getByRole('button', { name: 'Next: the terms' }).click();
      await acceptAllTerms(cam);
      await cam.getByTestId('submit-application').click();
      await cam.getByTestId('decision-declined').waitFor({ timeout: 60_000 });
      const text = await cam.getByTestId('decision-declined').innerText();
      expect(text).not.toMatch(/fraud/i);
      expect(await cam.getByTestId('decision-declined').getByRole('button').count()).toBe(1);
      await expectNoFullNumbers(cam);
      await checkScreen(cam, 'declined-en');
      expect(camProblems).toEqual([]);
    } finally {
      await cameraBrowser.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);

  it('flags an expired licence of a customer under the age of majority, without blocking', async () => {
    await home(page);
    const today = new Date();
    const iso = (date: Date) => date.toISOString().slice(0, 10);
    const seventeen = new Date(Date.UTC(today.getUTCFullYear() - 17, today.getUTCMonth(), 1));
    const lastMonth = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1));
    const raw = buildLicenceBarcode(
      {
        ...person('YORI', 'A-RR_M', 'Y3321-99102-44771'),
        dateOfBirth: iso(seventeen),
        expiryDate: iso(lastMonth),
      },
      { version: 8 },
    );
    await openNewApplicant(page);
    await scanWithWedge(page, raw);
    const flags = page.getByTestId('licence-flags');
    await expect(flags.getByTestId('flag-expired').textContent()).resolves.toBe('This licence has expired.');
    await expect(flags.getByTestId('flag-under-age').textContent()).resolves.toBe(
      'The customer is under 18, the age of majority in their province.',
    );
    // The cashier may go on with another ID: the form is there and editable.
    await expect(page.getByTestId('application-form').getByLabel('First name').inputValue()).resolves.toBe(
      'Yori',
    );
    await expect(
      page
        .getByTestId('application-form')
        .getByLabel('Other ID number (only if not the scanned licence)')
        .isEditable(),
    ).resolves.toBe(true);
    await expect(page.getByTestId('scanned-number').textContent()).resolves.toContain('•••• 4771');
    expect(await page.evaluate(() => document.body.innerText)).not.toContain('Y33219910244771');
    await checkScreen(page, 'flags-en');
    await page.getByRole('button', { name: 'Cancel the application' }).click();
    await page.getByRole('heading', { name: 'Find a customer' }).waitFor();
  }, 120_000);

  it('says plainly when the camera is refused, and the other ways still work', async () => {
    await home(page);
    // This browser context was granted no camera: the request is refused.
    await openNewApplicant(page);
    await page.getByTestId('use-camera').click();
    const error = page.getByTestId('camera-error');
    await error.waitFor({ timeout: 30_000 });
    await expect(error.getAttribute('data-kind')).resolves.toMatch(/^(permission_denied|no_camera)$/);
    await expect(error.textContent()).resolves.toMatch(
      /^(The camera is not allowed for this app\.|No camera was found on this terminal\.)/,
    );
    await expect(page.getByTestId('use-camera').isEnabled()).resolves.toBe(true);
    await expect(page.getByTestId('licence-image').isEnabled()).resolves.toBe(true);
    await checkScreen(page, 'camera-refused-en');
    await page.getByRole('button', { name: 'Cancel the application' }).click();
    await page.getByRole('heading', { name: 'Find a customer' }).waitFor();
  }, 60_000);

  it('drops the application on sign-out: signing in again starts from the lookup screen', async () => {
    await home(page);
    await openNewApplicant(page);
    await page.getByTestId('manual-entry').click();
    await page.getByTestId('application-form').getByLabel('First name').fill('Sasha');
    await signOut(page);
    await signIn(page);
    await expect(page.getByTestId('application-form').count()).resolves.toBe(0);
    expect(await page.evaluate(() => document.body.innerText)).not.toContain('Sasha');
  }, 60_000);

  it('shows a Quebec applicant the French terms first, in the customer’s language', async () => {
    await home(page);
    await openNewApplicant(page);
    await page.getByTestId('manual-entry').click();
    await page.getByRole('heading', { name: 'Credit application' }).waitFor();
    await page.getByTestId('customer-language-fr').click();
    await page.getByRole('heading', { name: 'Demande de crédit' }).waitFor();
    const form = page.getByTestId('application-form');
    const field = (label: string) => form.getByLabel(label, { exact: true });
    await field('Prénom').fill('Quinn');
    await field('Second prénom (facultatif)').fill('A-RR_M');
    await field('Nom de famille').fill('Tremblay');
    await field('Date de naissance (AAAA-MM-JJ)').fill('1988-09-30');
    await field('Adresse').fill('200 rue Sainte-Catherine O');
    await field('Ville').fill('Montreal');
    await field('Province ou territoire').selectOption('QC');
    // A Toronto postal code in Quebec is caught before anything is sent.
    await field('Code postal').fill('M5H 1A1');
    await field('Téléphone cellulaire').fill('514 555 0199');
    await field('Courriel').fill('quinn@example.com');
    await field('Logement').selectOption('Rent');
    await field('Loyer ou hypothèque par mois, en dollars').fill('1 200');
    await field('Occupation').selectOption('FE');
    await field('Revenu annuel avant impôt, en dollars').fill('58 000');
    await field('Type de pièce d’identité').selectOption('CADL');
    await field('Délivrée par').selectOption('QC');
    await field('Numéro de la pièce d’identité').fill('T6541-300988-07');
    await field('Question').selectOption({ index: 1 });
    await field('Réponse du client').fill('Minou');
    await page.getByRole('button', { name: 'Suivant : les conditions' }).click();
    await page.getByText('Ce code postal n’est pas dans la province choisie.').waitFor();
    await checkScreen(page, 'form-fr-problem');
    await field('Code postal').fill('H2X 1Y4');
    await page.getByRole('button', { name: 'Suivant : les conditions' }).click();

    await page.getByRole('heading', { name: 'Conditions du compte Flexiti' }).waitFor();
    // The heading comes with the step; the terms come when Flexiti has served them.
    await page.locator('.term-set').first().waitFor();
    const order = await page
      .locator('.term-set')
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-testid')));
    expect(order).toEqual(['terms-fr', 'terms-en']);
    const firstTitle = await page.locator('.term-document h2').first().textContent();
    expect(firstTitle).toBe('Convention du titulaire de carte Flexiti');
    // The terms' HTML reached the page reduced to the allowed elements.
    const tags = await page
      .locator('.term-body *')
      .evaluateAll((nodes) => [...new Set(nodes.map((node) => node.tagName.toLowerCase()))]);
    for (const tag of tags) expect(['h2', 'h3', 'p', 'ul', 'ol', 'li', 'strong', 'em', 'a']).toContain(tag);
    await acceptAllTerms(page);
    await checkScreen(page, 'terms-qc-fr');
    await page.getByTestId('submit-application').click();
    await page.getByTestId('decision-approved').waitFor({ timeout: 60_000 });
    await page.getByRole('heading', { name: 'Approuvée : le compte est ouvert' }).waitFor();
    await checkScreen(page, 'approved-fr');
    await page.getByRole('button', { name: 'Terminé : client suivant' }).click();
    await page.getByRole('heading', { name: 'Find a customer' }).waitFor();
    expect(problems).toEqual([]);
  }, 180_000);
});

/**
 * The store's keyboard-wedge scanner on the new-applicant screen: a burst of keys, whatever has the
 * focus, with the scanner's control characters mangled as real scanners and layouts mangle them,
 * fills the application form; a person typing or another barcode is never taken for a licence.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApplicationJourney } from '../../../src/renderer/screens/application/ApplicationJourney';
import { ScanScreen } from '../../../src/renderer/screens/scan/ScanScreen';
import { humanGaps, scannerGaps, type OsLayout, type WedgeStyle } from '../../fixtures/wedge/type-as-wedge';
import { formData, newFlow } from '../support/application-data';
import { createFakePos, type FakePos } from '../support/fake-pos';
import { decodeLikeMain, isoFromToday, licenceBarcode } from '../support/licences';
import { renderScreen } from '../support/render-screen';
import { expectNoSeriousAxeViolations } from '../support/axe';
import { typeBurst } from '../support/wedge';

function journeyPos(): FakePos {
  return createFakePos()
    .on('application.decodeLicence', decodeLikeMain)
    .on('application.formData', (request) => formData(request.language))
    .on('application.abandon', { abandoned: true })
    .on('flow.setCustomerLanguage', ({ language }) => ({ language }));
}

/** The scan screen alone, its callbacks unused: what the wedge does before anything is chosen. */
function renderScanScreen(pos: FakePos) {
  return renderScreen(
    <ScanScreen
      flowId={newFlow().flowId}
      onScanned={() => undefined}
      onManual={() => undefined}
      onCancel={() => undefined}
    />,
    { pos },
  );
}

function renderJourney(pos: FakePos, locale: 'en' | 'fr' = 'en') {
  return renderScreen(
    <ApplicationJourney flow={newFlow()} onPurchase={() => undefined} onExit={() => undefined} />,
    { pos, locale },
  );
}

const value = (label: string) => (screen.getByLabelText(label) as HTMLInputElement | HTMLSelectElement).value;

describe('Licence scan with the keyboard-wedge scanner', () => {
  it.each<[WedgeStyle, OsLayout]>([
    ['chords', 'ca-french'],
    ['mixed', 'us'],
    ['enter', 'us'],
    ['tab', 'ca-french'],
  ])('fills the form from a %s burst on a %s keyboard, with no box focused', async (style, layout) => {
    const raw = licenceBarcode();
    const r = renderJourney(journeyPos());
    await screen.findByRole('heading', { level: 1, name: r.t('scan.title') });
    // Nothing to click first: the screen's heading has the focus, no text box does.
    expect(document.activeElement?.tagName).toBe('H1');

    const burst = await typeBurst(raw, { style, layout, gap: scannerGaps(7) });

    const form = await screen.findByTestId('application-form');
    // Only the first key of a burst can reach the page; the rest (Enter included) is held back.
    expect(burst.leaked).toHaveLength(1);
    expect(r.pos.calls('application.decodeLicence')).toHaveLength(1);
    if (style === 'chords') expect(r.pos.calls('application.decodeLicence')[0]?.raw).toBe(raw);
    expect(value(r.t('application.field.firstName'))).toBe('Priya');
    expect(value(r.t('application.field.lastName'))).toBe('Patel');
    expect(value(r.t('application.field.city'))).toBe('Hamilton');
    expect(value(r.t('application.field.province'))).toBe('ON');
    expect(value(r.t('application.field.postalCode'))).toBe('L8N 1A7');
    // The licence number stays in main: the form shows its last 4 only, and the box is left empty.
    expect(within(form).getByTestId('scanned-number').textContent).toBe(
      r.t('application.scannedNumber', { number: '•••• 0704' }),
    );
    expect(document.body.textContent).not.toContain('P12347209920704');
    expect(screen.queryByTestId('licence-flags')).toBeNull();
  });

  it('leaves a person’s typing alone, and a product barcode too', async () => {
    const pos = createFakePos();
    const r = renderScanScreen(pos);
    await screen.findByRole('heading', { level: 1, name: r.t('scan.title') });

    const typing = await typeBurst('88 King St E, Hamilton ON', { gap: humanGaps(3) });
    const product = await typeBurst('0062639310429\n', { gap: scannerGaps(4) });
    // A licence typed by hand, at a person's pace, is not a scan either.
    const slow = await typeBurst(licenceBarcode().slice(0, 60), { gap: humanGaps(5, 0) });

    // Every key reached the page, as typed.
    expect(typing.leaked.join('')).toBe('88 King St E, Hamilton ON');
    expect(product.leaked.join('')).toBe('0062639310429Enter');
    expect(slow.leaked.length).toBeGreaterThan(55);
    // decodeLicence is not configured: a call would have failed the test.
    expect(pos.log).toEqual([]);
    expect(screen.queryByTestId('wedge-rejected')).toBeNull();
  });

  it('asks for another scan when the burst stops part-way, without sending anything', async () => {
    const pos = createFakePos();
    const r = renderScanScreen(pos);
    await typeBurst(licenceBarcode().slice(0, 20), { style: 'chords', gap: scannerGaps(8) });

    const alert = await screen.findByTestId('wedge-rejected');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toBe(r.t('scan.wedge.incomplete'));
    expect(pos.log).toEqual([]);
  });

  it('flags an expired licence on the form, and lets the cashier go on', async () => {
    const r = renderJourney(journeyPos());
    await typeBurst(licenceBarcode({ expiryDate: isoFromToday(0, -10) }), {
      style: 'chords',
      gap: scannerGaps(9),
    });
    await screen.findByTestId('application-form');

    const flags = screen.getByTestId('licence-flags');
    expect(flags.getAttribute('role')).toBe('alert');
    expect(flags.textContent).toContain(r.t('scan.flag.expired'));
    expect(flags.textContent).toContain(r.t('scan.flag.otherId'));
    expect(within(flags).queryByTestId('flag-under-age')).toBeNull();
    expect(screen.getByRole('button', { name: r.t('application.form.next') })).toBeTruthy();
    await expectNoSeriousAxeViolations('application form after an expired licence');
  });

  it.each([
    ['ON', 'L8N 1A7', 18],
    ['BC', 'V6B 4Y8', 19],
  ] as const)(
    'flags a customer under the age of majority in %s (postal code %s, majority %i)',
    async (province, postalCode, age) => {
      const r = renderJourney(journeyPos());
      const raw = licenceBarcode({
        jurisdiction: province,
        province,
        postalCode,
        city: province === 'BC' ? 'VANCOUVER' : 'HAMILTON',
        dateOfBirth: isoFromToday(-age, 5),
      });
      await typeBurst(raw, { style: 'chords', gap: scannerGaps(10) });
      await screen.findByTestId('application-form');

      const flag = screen.getByTestId('flag-under-age');
      expect(flag.textContent).toBe(r.t('scan.flag.underAge', { age: String(age) }));
      expect(screen.queryByTestId('flag-expired')).toBeNull();
    },
  );

  it('is not flagged the day the customer comes of age', async () => {
    renderJourney(journeyPos());
    await typeBurst(licenceBarcode({ dateOfBirth: isoFromToday(-18) }), {
      style: 'chords',
      gap: scannerGaps(11),
    });
    await screen.findByTestId('application-form');
    expect(screen.queryByTestId('licence-flags')).toBeNull();
  });

  it('says plainly when main cannot read the barcode, and stays on the scan screen', async () => {
    const pos = createFakePos().on('application.decodeLicence', decodeLikeMain);
    const r = renderScanScreen(pos);
    // A licence header, then damage the parser cannot make sense of.
    const raw = `${licenceBarcode().slice(0, 40)}${'#'.repeat(80)}`;
    await typeBurst(raw, { style: 'chords', gap: scannerGaps(12) });

    await waitFor(() => expect(pos.calls('application.decodeLicence')).toHaveLength(1));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(r.t('error.code.licence_unreadable'));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(r.t('scan.title'));
  });

  it('reads in French, and a Quebec licence switches the form to French', async () => {
    const r = renderJourney(journeyPos(), 'fr');
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe(r.t('scan.title'));
    await typeBurst(
      licenceBarcode({ jurisdiction: 'QC', province: 'QC', city: 'MONTREAL', postalCode: 'H2X 1Y4' }),
      { style: 'chords', layout: 'ca-french', gap: scannerGaps(13) },
    );
    await screen.findByTestId('application-form');
    expect(r.pos.calls('application.formData').at(-1)?.language).toBe('fr');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Demande de crédit');
  });
});

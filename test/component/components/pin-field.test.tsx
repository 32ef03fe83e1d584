/** Every staff PIN box: masked, the numeric keypad, and no saved password filled into it. */
import { screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { PinField } from '../../../src/renderer/components/PinField';
import { createFakePos } from '../support/fake-pos';
import { renderScreen } from '../support/render-screen';

function Pins() {
  const [pin, setPin] = useState('');
  const [fresh, setFresh] = useState('');
  return (
    <form>
      <PinField label="PIN" value={pin} onChange={setPin} name="pin" />
      <PinField label="New PIN" value={fresh} onChange={setFresh} fresh />
      <output data-testid="typed">{`${pin}|${fresh}`}</output>
    </form>
  );
}

describe('PinField', () => {
  it('masks the PIN, asks for the numeric keypad, and keeps autofill out', async () => {
    const r = renderScreen(<Pins />, { pos: createFakePos() });
    const pin = screen.getByLabelText('PIN') as HTMLInputElement;
    const fresh = screen.getByLabelText('New PIN') as HTMLInputElement;
    for (const input of [pin, fresh]) {
      expect(input.type).toBe('password');
      expect(input.inputMode).toBe('numeric');
      expect(input.required).toBe(true);
    }
    expect(pin.autocomplete).toBe('off');
    expect(pin.name).toBe('pin');
    expect(fresh.autocomplete).toBe('new-password');
    await r.user.type(pin, '7391');
    await r.user.type(fresh, '2468');
    expect(screen.getByTestId('typed').textContent).toBe('7391|2468');
  });
});

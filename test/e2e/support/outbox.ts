/** What the sandbox "sent" to customers (SMS and e-mail PINs), read through its control API. */
import { expect } from 'vitest';
import type { SandboxControl } from './sandbox-control';

export interface OutboxMessage {
  channel: string;
  account_number: number | string;
  pin: string | number;
  lang: string;
  text: string;
}

/** Every message sent so far, newest first. */
export async function outbox(control: SandboxControl): Promise<OutboxMessage[]> {
  return ((await control('GET', '/outbox')) as { messages: OutboxMessage[] }).messages;
}

/**
 * The newest SMS to the account once the outbox holds more than `notBefore` messages: the click that
 * sends it returns before main's call to Flexiti does, so the message may still be on its way.
 */
export async function nextSms(
  control: SandboxControl,
  accountNumber: number | string,
  notBefore = 0,
): Promise<OutboxMessage> {
  let messages = await outbox(control);
  for (let waited = 0; messages.length <= notBefore && waited < 10_000; waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    messages = await outbox(control);
  }
  expect(messages.length).toBeGreaterThan(notBefore);
  const sms = messages.find((m) => String(m.account_number) === String(accountNumber) && m.channel === 'sms');
  if (!sms) throw new Error('no SMS for the account in the outbox');
  return sms;
}

/** The PIN in that SMS: what the customer reads from the phone. */
export async function nextSmsPin(
  control: SandboxControl,
  accountNumber: number | string,
  notBefore = 0,
): Promise<string> {
  return String((await nextSms(control, accountNumber, notBefore)).pin);
}

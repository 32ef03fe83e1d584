/**
 * Renders a screen as the app does: inside the I18nProvider and a fresh react-query client (no
 * retries, as the app's own), with `window.pos` answered by the test's fake.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { I18nProvider, translator, type Locale, type Translate } from '../../../src/renderer/i18n/i18n';
import { createFakePos, type FakePos } from './fake-pos';
import { installFakePos } from './current-fake';

export interface RenderedScreen extends RenderResult {
  user: UserEvent;
  pos: FakePos;
  queryClient: QueryClient;
  /** The catalogue the screen was rendered in, to name things as the cashier reads them. */
  t: Translate;
}

export function renderScreen(
  ui: ReactElement,
  options: { locale?: Locale; pos?: FakePos } = {},
): RenderedScreen {
  const locale = options.locale ?? 'en';
  const pos = options.pos ?? createFakePos();
  installFakePos(pos);
  const queryClient = new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
  const user = userEvent.setup();
  const result = render(
    <QueryClientProvider client={queryClient}>
      <I18nProvider locale={locale}>{ui}</I18nProvider>
    </QueryClientProvider>,
  );
  return { ...result, user, pos, queryClient, t: translator(locale) };
}

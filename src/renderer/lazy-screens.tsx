/**
 * Screens past the first ones (first run, sign-in), split from the initial bundle so the first screen is
 * parsed and usable sooner. They are fetched in the background shortly after that screen is up, so
 * moving on never waits: the files come from the app itself.
 */
import { lazy } from 'react';

const loaders = {
  lookup: () => import('./screens/lookup/LookupScreen'),
  application: () => import('./screens/application/ApplicationJourney'),
  purchase: () => import('./screens/purchase/PurchaseJourney'),
  manager: () => import('./screens/manager-screen'),
  quebec: () => import('./screens/sales/QuebecCancellation'),
};

export const LookupScreen = lazy(() => loaders.lookup().then((m) => ({ default: m.LookupScreen })));
export const ApplicationJourney = lazy(() =>
  loaders.application().then((m) => ({ default: m.ApplicationJourney })),
);
export const PurchaseJourney = lazy(() => loaders.purchase().then((m) => ({ default: m.PurchaseJourney })));
export const ManagerScreen = lazy(() => loaders.manager().then((m) => ({ default: m.ManagerScreen })));
export const QuebecCancellation = lazy(() =>
  loaders.quebec().then((m) => ({ default: m.QuebecCancellation })),
);

let preloading: Promise<unknown> | null = null;

/** Fetches every later screen once; a failure is retried by React.lazy when the screen is shown. */
export function preloadScreens(): void {
  preloading ??= Promise.allSettled(Object.values(loaders).map((load) => load()));
}

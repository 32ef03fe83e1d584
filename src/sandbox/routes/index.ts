import type { RouteDef } from '../http/route';
import { applicationRoutes } from './application-routes';
import { customerRoutes } from './customer-routes';
import { oauthTokenRoutes } from './oauth-token';
import { pricingRoutes } from './pricing-routes';
import { referenceDataRoutes } from './reference-data-routes';
import { transactionRoutes } from './transaction-routes';

/** Every POS API route of the sandbox, served under both /v2.5 and /v2.5.1. */
export const allRoutes: RouteDef[] = [
  ...oauthTokenRoutes,
  ...referenceDataRoutes,
  ...customerRoutes,
  ...applicationRoutes,
  ...pricingRoutes,
  ...transactionRoutes,
];

import { selectScenario } from '../scenario.ts';
import type { VendorDefinition } from '../vendor.ts';
import { WHOP_CREDENTIALS, WHOP_FIXTURES } from './data.ts';
import { createWhopApp } from './routes.ts';
import { WHOP_SCENARIOS } from './scenarios.ts';

export const whopSandbox: VendorDefinition = {
  basePath: '/api/v1', // Whop's documented server URL is https://api.whop.com/api/v1
  credentials: WHOP_CREDENTIALS,
  fixtures: WHOP_FIXTURES,
  scenarios: WHOP_SCENARIOS,
  createApp: (scenarioName) => createWhopApp(selectScenario('whop', WHOP_SCENARIOS, scenarioName).drift),
};

import { selectScenario } from '../scenario.ts';
import type { VendorDefinition } from '../vendor.ts';
import { XENDIT_CREDENTIALS, XENDIT_FIXTURES } from './data.ts';
import { createXenditApp } from './routes.ts';
import { XENDIT_SCENARIOS } from './scenarios.ts';

export const xenditSandbox: VendorDefinition = {
  basePath: '', // the documented path /v2/accounts/{id} starts at the server's root
  credentials: XENDIT_CREDENTIALS,
  fixtures: XENDIT_FIXTURES,
  scenarios: XENDIT_SCENARIOS,
  createApp: (scenarioName) => createXenditApp(selectScenario('xendit', XENDIT_SCENARIOS, scenarioName).drift),
};

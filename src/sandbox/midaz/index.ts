import { selectScenario } from '../scenario.ts';
import type { VendorDefinition } from '../vendor.ts';
import { MIDAZ_CREDENTIALS, MIDAZ_FIXTURES } from './data.ts';
import { createMidazApp } from './routes.ts';
import { MIDAZ_SCENARIOS } from './scenarios.ts';

export const midazSandbox: VendorDefinition = {
  basePath: '', // the documented paths start at /v1 on the server's root
  credentials: MIDAZ_CREDENTIALS,
  fixtures: MIDAZ_FIXTURES,
  scenarios: MIDAZ_SCENARIOS,
  createApp: (scenarioName, options) =>
    createMidazApp(selectScenario('midaz', MIDAZ_SCENARIOS, scenarioName).drift, { auth: options.midazAuth }),
};

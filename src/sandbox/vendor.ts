import type { ScenarioDoc } from './scenario.ts';
import type { VendorApp } from './server.ts';

export interface VendorAppOptions {
  midazAuth: boolean;
}

/** What index.ts needs of a vendor: where its paths live, its seeded values, its scenarios, its app. */
export interface VendorDefinition {
  /** Prefix of the vendor's server URL that the spec's paths are appended to. */
  basePath: string;
  credentials: Readonly<Record<string, string>>;
  fixtures: Readonly<Record<string, string>>;
  scenarios: readonly ScenarioDoc[];
  /** Throws, naming the valid scenarios, when the name is unknown. */
  createApp(scenarioName: string, options: VendorAppOptions): VendorApp;
}

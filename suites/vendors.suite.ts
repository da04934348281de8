import { vendorFileSuites } from '../src/run/suite.ts';

// The explicit cases of every vendor file (vendors/NAME.yaml). Hand-written suites go in suites/NAME/.
vendorFileSuites();

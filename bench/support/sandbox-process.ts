// Child-process entry: one embedded sandbox in its own process, as in `conform run` (where the cases
// run in vitest workers), so the server's CPU is not billed to the client being measured.
// Prints {url, credentials, fixtures} as one JSON line; stops when its stdin closes.
import { startSandbox, type SandboxVendor as VendorName } from '../../src/sandbox/index.ts';

// The limit is for real runs; a bench that is throttled measures the throttle.
const sandbox = await startSandbox(process.argv[2] as VendorName, { rateLimitPerSecond: Number.MAX_SAFE_INTEGER });
process.stdout.write(`${JSON.stringify({ url: sandbox.url, credentials: sandbox.credentials, fixtures: sandbox.fixtures })}\n`);
process.stdin.on('end', () => void sandbox.close().then(() => process.exit(0)));
process.stdin.resume();

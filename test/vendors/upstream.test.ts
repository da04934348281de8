import { describe, expect, it } from 'vitest';
import { loadVendorFile, VendorFileError } from '../../src/vendors/index.ts';
import { acmeCheckout, acmeVendorText, lineOf } from '../support/acme-vendor.ts';

/** Acme's vendor file with `upstream` (YAML lines after the specs list), loaded: its definition's upstream, or the located line it stops on. */
async function withUpstream(upstream: string): Promise<unknown> {
  const text = (await acmeVendorText()).replace('live:\n', `${upstream}\nlive:\n`);
  const root = await acmeCheckout({ vendorText: text });
  try {
    return loadVendorFile(root, 'vendors/acme.yaml').definition.upstream;
  } catch (error) {
    expect(error).toBeInstanceOf(VendorFileError);
    return { line: lineOf(text, 'upstream:'), message: (error as Error).message };
  }
}

describe("a vendor file's upstream", () => {
  it('is where the vendor publishes its document, an OpenAPI file or a documentation page', async () => {
    expect(await withUpstream('upstream: { url: https://docs.acme.example/openapi.yaml, format: openapi }')).toEqual({ url: 'https://docs.acme.example/openapi.yaml', format: 'openapi' });
    expect(await withUpstream('upstream:\n  url: https://docs.acme.example/wallets.md\n  format: page')).toEqual({ url: 'https://docs.acme.example/wallets.md', format: 'page' });
  });

  it('is optional: a file without one has none', async () => {
    const root = await acmeCheckout();
    expect(loadVendorFile(root, 'vendors/acme.yaml').definition.upstream).toBeNull();
  });

  const mistakes: Array<[string, string, string]> = [
    ['an unknown format', 'upstream: { url: https://docs.acme.example/a.yaml, format: html }', 'upstream.format must be equal to one of the allowed values'],
    ['no format', 'upstream: { url: https://docs.acme.example/a.yaml }', "must have required property 'format'"],
    ['a URL that is not http(s)', 'upstream: { url: file:///etc/passwd, format: openapi }', 'upstream.url must match pattern'],
    ['a variable in the URL', 'upstream: { url: "https://docs.acme.example/a.yaml?token=${ACME_API_KEY}", format: openapi }', 'upstream.url must be written literally'],
    ['a password in the URL', 'upstream: { url: "https://user:hunter2@docs.acme.example/a.yaml", format: openapi }', 'upstream.url must not contain a user name or password'],
    ['a query, which may carry a token', 'upstream: { url: "https://docs.acme.example/a.yaml?token=hunter2", format: openapi }', 'upstream.url must not contain a query or fragment'],
    ['a fragment', 'upstream: { url: "https://docs.acme.example/a.yaml#access_token=hunter2", format: openapi }', 'upstream.url must not contain a query or fragment'],
    ['a production host, in any spelling', 'upstream: { url: "https://API.acme.example./openapi.yaml", format: openapi }', 'upstream.url is on the production host api.acme.example'],
  ];

  it.each(mistakes)('%s is one located line', async (_name, upstream, message) => {
    const stop = (await withUpstream(upstream)) as { line: number; message: string };
    expect(stop.message).toMatch(new RegExp(`^vendors/acme\\.yaml:${stop.line}: `));
    expect(stop.message).toContain(message);
    expect(stop.message).not.toContain('hunter2');
  });
});

import { SpecImportError } from './errors.ts';

// Words that say what kind of document it is, not whose: "Midaz Ledger API" is Midaz's.
const GENERIC_TITLE_WORDS = new Set(['api', 'apis', 'rest', 'http', 'openapi', 'ledger', 'reference', 'platform', 'service', 'services']);

const SAFE_VENDOR = /^[a-z0-9][a-z0-9-]*$/;
// Versions become file names: no separators, no "..", nothing a shell would need quoted.
const SAFE_VERSION = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** 'Whop API' -> 'whop', 'Midaz Ledger API' -> 'midaz', 'Modern Treasury API' -> 'modern-treasury'. */
export function vendorFromTitle(title: string): string {
  const words = title.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  const specific = words.filter((word) => !GENERIC_TITLE_WORDS.has(word));
  return (specific.length > 0 ? specific : words).join('-');
}

export function checkVendor(vendor: string, origin: string): string {
  if (!SAFE_VENDOR.test(vendor)) {
    throw new SpecImportError('SPEC_IMPORT_BAD_NAME', `${origin}: vendor "${vendor}" must be lower-case letters, digits and "-"`);
  }
  return vendor;
}

export function checkVersion(version: string, origin: string): string {
  if (!SAFE_VERSION.test(version) || version.includes('..')) {
    throw new SpecImportError('SPEC_IMPORT_BAD_NAME', `${origin}: info.version "${version}" cannot be used as a file name`);
  }
  return version;
}

export function checkDate(date: string): string {
  // The round trip rejects dates like 2026-02-31 that Date would quietly roll over.
  if (!DATE.test(date) || !isCalendarDate(date)) {
    throw new SpecImportError('SPEC_IMPORT_BAD_DATE', `retrieved date "${date}" is not a YYYY-MM-DD date`);
  }
  return date;
}

function isCalendarDate(date: string): boolean {
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date;
}

import type { VendorDefinition } from '../vendors/index.ts';

/** One slice of a sharded run: the index-th (from 1) of count. */
export interface Shard {
  index: number;
  count: number;
}

/**
 * The vendors of one shard. Whole vendors go to a shard, never a vendor's cases split: its rate limit
 * and its concurrency are per vendor, and two machines sharing one key would each think they had it all.
 * Heaviest first (a vendor file's explicit cases; a vendor that derives its cases counts as one), each
 * to the shard with the fewest cases so far, ties to the lower shard and then by name: every shard of the
 * same configuration computes the same split, whatever machine it runs on.
 */
export function shardVendors<V extends Pick<VendorDefinition, 'name' | 'cases'>>(vendors: readonly V[], shard: Shard): V[] {
  const weight = (vendor: V) => Math.max(1, vendor.cases.length);
  const heaviestFirst = [...vendors].sort((a, b) => weight(b) - weight(a) || (a.name < b.name ? -1 : 1));
  const loads = Array.from({ length: shard.count }, () => 0);
  const assigned = new Map<V, number>();
  for (const vendor of heaviestFirst) {
    const lightest = loads.indexOf(Math.min(...loads));
    loads[lightest]! += weight(vendor);
    assigned.set(vendor, lightest + 1);
  }
  // Run order (the vendor files' order) is kept within the shard.
  return vendors.filter((vendor) => assigned.get(vendor) === shard.index);
}

/** "I/N" as typed after --shard, or null when it is not one. */
export function parseShard(text: string): Shard | null {
  const match = /^(\d{1,4})\/(\d{1,4})$/.exec(text.trim());
  if (!match) return null;
  const shard = { index: Number(match[1]), count: Number(match[2]) };
  return shard.index >= 1 && shard.index <= shard.count ? shard : null;
}

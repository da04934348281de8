import { describe, expect, it } from 'vitest';
import { parseShard, shardVendors } from '../../src/run/shard.ts';

const vendor = (name: string, cases: number) => ({ name, cases: Array.from({ length: cases }, () => ({})) as never[] });
// In run order (the vendor files'): heavy and light vendors mixed.
const VENDORS = [vendor('alpha', 3), vendor('bravo', 12), vendor('charlie', 0), vendor('delta', 7), vendor('echo', 5), vendor('foxtrot', 5)];
const names = (count: number) => Array.from({ length: count }, (_, i) => shardVendors(VENDORS, { index: i + 1, count }).map((v) => v.name));

describe('shardVendors', () => {
  it('puts every vendor in exactly one shard, whatever the count', () => {
    for (let count = 1; count <= 8; count++) expect(names(count).flat().sort()).toEqual(VENDORS.map((v) => v.name).sort());
  });

  it('balances whole vendors by their cases, heaviest first to the lightest shard, in run order within a shard', () => {
    // Loads: bravo 12 | delta 7 + alpha 3 + charlie 1 = 11 | echo 5 + foxtrot 5 = 10.
    expect(names(3)).toEqual([['bravo'], ['alpha', 'charlie', 'delta'], ['echo', 'foxtrot']]);
  });

  it('breaks equal weights by name, not by where the vendor files are listed', () => {
    expect(shardVendors([...VENDORS].reverse(), { index: 3, count: 3 }).map((v) => v.name)).toEqual(['foxtrot', 'echo']);
    // bravo 12 | delta 7, echo 5 (by name before foxtrot) = 12 | tie: foxtrot to the lower shard = 17 | alpha, charlie = 16.
    expect(names(2)).toEqual([['bravo', 'foxtrot'], ['alpha', 'charlie', 'delta', 'echo']]);
  });

  it('leaves the shards beyond the vendors empty', () => {
    expect(names(8).slice(6)).toEqual([[], []]);
  });
});

describe('parseShard', () => {
  it('reads I/N with 1 <= I <= N', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    expect(parseShard('1/1')).toEqual({ index: 1, count: 1 });
  });

  it.each(['0/3', '4/3', '1/0', 'abc', '2', '1/3/5', '-1/3', '1.5/3', ' /3'])('refuses %s', (text) => {
    expect(parseShard(text)).toBeNull();
  });
});

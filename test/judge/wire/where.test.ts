import { describe, expect, it } from 'vitest';
import { wirePointers } from '../../../src/judge/index.ts';

const plain = (pointer: string) => ({ pointer, throughBranch: false });
const branch = (pointer: string) => ({ pointer, throughBranch: true });

describe('wirePointers: a change\'s where as the baseline\'s pointers', () => {
  it('a property path is the pointer as it is; the body root is ""', () => {
    expect(wirePointers('/payout_account_details/status')).toEqual([plain('/payout_account_details/status')]);
    expect(wirePointers('/')).toEqual([plain('')]);
  });

  it('an items segment is an array\'s items (*) or a property named "items": both readings, items first', () => {
    expect(wirePointers('/data/items/id')).toEqual([plain('/data/*/id'), plain('/data/items/id')]);
    expect(wirePointers('/items/items')).toEqual([plain('/*/*'), plain('/*/items'), plain('/items/*'), plain('/items/items')]);
  });

  it('a oneOf branch is dropped (marked as read through a branch), or is a property of that name', () => {
    expect(wirePointers('/owner/oneOf[User]/email')).toEqual([branch('/owner/email'), plain('/owner/oneOf[User]/email')]);
    expect(wirePointers('/oneOf[User]/items/oneOf[#1]')).toEqual([
      branch('/*'),
      branch('/*/oneOf[#1]'),
      branch('/items'),
      branch('/items/oneOf[#1]'),
      branch('/oneOf[User]/*'),
      plain('/oneOf[User]/*/oneOf[#1]'),
      branch('/oneOf[User]/items'),
      plain('/oneOf[User]/items/oneOf[#1]'),
    ]);
  });

  it('a branch titled with a "/" is one segment, escaped when read as a property name', () => {
    expect(wirePointers('/oneOf[Card/Bank]/last4')).toEqual([branch('/last4'), plain('/oneOf[Card~1Bank]/last4')]);
  });

  it('keeps escapes as both sides write them', () => {
    expect(wirePointers('/a~1b/c~0d')).toEqual([plain('/a~1b/c~0d')]);
  });

  it('maps nothing that is not a path, or that has more than 64 readings', () => {
    expect(wirePointers('owner')).toBeNull();
    expect(wirePointers('/items'.repeat(6))).toHaveLength(64);
    expect(wirePointers('/items'.repeat(7))).toBeNull();
  });
});

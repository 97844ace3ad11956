import { describe, expect, it } from 'vitest';
import { compareAddressText } from '../../shared/net/address-order';

describe('compareAddressText', () => {
  it('orders addresses by value, empty values first and non-addresses last', () => {
    const shuffled = ['10.0.0.10', 'host.example', null, '2001:db8::1', '10.0.0.2', '192.168.1.1', '::1', '10.0.0.9', '00:11:22:33:44:55', '2001:db8::10'];
    const sorted = [...shuffled].sort(compareAddressText);
    expect(sorted).toEqual([null, '::1', '10.0.0.2', '10.0.0.9', '10.0.0.10', '192.168.1.1', '2001:db8::1', '2001:db8::10', '00:11:22:33:44:55', 'host.example']);
  });

  it('is a consistent comparator: antisymmetric, zero only for equal values', () => {
    const values = ['10.0.0.2', '10.0.0.10', 'fe80::1', 'x', null];
    for (const a of values) {
      for (const b of values) {
        expect(Math.sign(compareAddressText(a, b)) + Math.sign(compareAddressText(b, a))).toBe(0);
        expect(compareAddressText(a, b) === 0).toBe(a === b);
      }
    }
    // The same address written two ways is the same key.
    expect(compareAddressText('10.0.0.2', '::ffff:10.0.0.2')).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { NameMap } from '../../electron/flows/name-map';

describe('NameMap', () => {
  it('names an address by its latest answer', () => {
    const m = new NameMap();
    m.add('192.0.2.1', 'a.example', 'dns', 1);
    m.add('192.0.2.1', 'b.example', 'dns', 2);
    expect(m.get('192.0.2.1')).toBe('b.example');
    expect(m.get('192.0.2.2')).toBeNull();
  });

  it('queues each (address, name, source) once, at its first sighting, however often a shared address flips', () => {
    const m = new NameMap();
    for (let i = 0; i < 1000; i++) m.add('192.0.2.1', i % 2 ? 'b.example' : 'a.example', 'dns', i);
    m.add('192.0.2.1', 'a.example', 'nrb', 1000);
    expect(m.takeFresh()).toEqual([
      { address: '192.0.2.1', name: 'a.example', source: 'dns', ts: 0 },
      { address: '192.0.2.1', name: 'b.example', source: 'dns', ts: 1 },
      { address: '192.0.2.1', name: 'a.example', source: 'nrb', ts: 1000 },
    ]);
    m.add('192.0.2.1', 'b.example', 'dns', 1001);
    m.add('192.0.2.1', 'c example with spaces', 'dns', 1002);
    expect(m.takeFresh()).toEqual([{ address: '192.0.2.1', name: 'c example with spaces', source: 'dns', ts: 1002 }]);
    expect(m.get('192.0.2.1')).toBe('c example with spaces');
  });

  it('stays bounded: past 200,000 addresses the oldest is forgotten', () => {
    const m = new NameMap();
    for (let i = 0; i <= 200_000; i++) m.add(`10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`, `h${i}`, 'dns', i);
    expect(m.get('10.0.0.0')).toBeNull();
    expect(m.get('10.0.0.1')).toBe('h1');
    expect(m.get('10.3.13.64')).toBe('h200000');
    expect(m.takeFresh()).toHaveLength(200_001);
  });
});

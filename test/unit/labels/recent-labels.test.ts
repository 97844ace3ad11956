import { describe, expect, it } from 'vitest';
import { recentAfter, seedRecent } from '../../../shared/labels/recent-labels';

describe('recent labels on the number keys', () => {
  it('keeps a listed label in place, puts a new one first, and holds nine', () => {
    expect(recentAfter(['A', 'B', 'C'], 'B')).toEqual(['A', 'B', 'C']);
    expect(recentAfter(['A', 'B'], 'N')).toEqual(['N', 'A', 'B']);
    const nine = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];
    expect(recentAfter(nine, 'new')).toEqual(['new', ...nine.slice(0, 8)]);
  });

  it('starts from the labels the case uses most, ties by name', () => {
    const cat = [
      { name: 'Maps', flows: 3 },
      { name: 'WhatsApp/send-text', flows: 8 },
      { name: 'Instagram', flows: 3 },
    ];
    expect(seedRecent([], cat)).toEqual(['WhatsApp/send-text', 'Instagram', 'Maps']);
    expect(seedRecent(['Mine'], cat)).toEqual(['Mine']);
  });
});

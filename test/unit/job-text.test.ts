import { describe, expect, it } from 'vitest';
import { JobKind } from '../../shared/domain/job';
import { counterText, countersText, jobTitle } from '../../shared/format/job-text';

describe('job status text', () => {
  it('counts nouns in the singular for one and the plural otherwise', () => {
    expect(countersText({ files: 1, packets: 200_000, flows: 6_089, partial: 0, labelled: 1 })).toEqual(['1 file', '200,000 packets', '6,089 flows', '0 partial', '1 labelled']);
    expect(countersText({ files: 2, flows: 1, anomalies: 1, training_points: 1, 'bad rows': 1 })).toEqual(['2 files', '1 flow', '1 anomaly', '1 training point', '1 bad row']);
    expect(counterText('training_points', 3)).toBe('3 training points');
    expect(counterText('anomalies', 0)).toBe('0 anomalies');
  });

  it('gives identifiers their own form', () => {
    expect(counterText('model', 3)).toBe('model 3');
    expect(counterText('suggested_k', 4)).toBe('suggested k 4');
    expect(counterText('bytes', 12_582_912)).toBe('12,582,912 bytes');
    expect(counterText('bytes', 1)).toBe('1 byte');
  });

  it('names every kind of job in words', () => {
    expect(jobTitle('ingest')).toBe('Import');
    expect(jobTitle('kmeans')).toBe('Anomaly detection');
    for (const kind of JobKind.options) expect(jobTitle(kind)).toMatch(/^[A-Z][a-z]+( [a-z]+)*$/);
  });
});

import type { CaptureCounters } from '../../../shared/domain/capture';

export const noCounters: CaptureCounters = { packets: 0, bytes: 0, flows: 0, activeFlows: 0, dropped: null, interfaceDropped: null, seconds: 0, fileBytes: 0, files: 0 };

/**
 * A capture job's counters (job.progress, or job.finished's summary) as the
 * capture's counters; drops are left out until they are counted. Numbers missing from `record` keep their `previous` value.
 */
export function countersOf(record: Record<string, number>, previous: CaptureCounters = noCounters): CaptureCounters {
  const pick = (k: Exclude<keyof CaptureCounters, 'dropped' | 'interfaceDropped'>) => (typeof record[k] === 'number' ? record[k] : previous[k]);
  return {
    packets: pick('packets'),
    bytes: pick('bytes'),
    flows: pick('flows'),
    activeFlows: pick('activeFlows'),
    dropped: typeof record.dropped === 'number' ? record.dropped : previous.dropped,
    interfaceDropped: typeof record.interfaceDropped === 'number' ? record.interfaceDropped : previous.interfaceDropped,
    seconds: pick('seconds'),
    fileBytes: pick('fileBytes'),
    files: pick('files'),
  };
}

import { ApiError } from '../../../shared/contract/errors';
import type { CaptureInterfaceInfo } from '../../../shared/domain/capture';
import { loadCap } from '../../capture/live/cap-binding';
import { interfaceLinkType } from '../../capture/live/interface-link-type';
import { captureAvailability } from '../../capture/live-availability';
import type { HandlerGroup } from '../handler';

export const captureHandlers: HandlerGroup<'capture.status' | 'capture.interfaces' | 'capture.start' | 'capture.stop' | 'capture.tag'> = {
  'capture.status': (_i, s) => {
    const a = captureAvailability();
    const r = s.capture.running;
    return { available: a.available, reason: a.reason, running: r ? { jobId: r.jobId, device: r.device, filter: r.filter, tag: r.tag, counters: r.counters } : null };
  },
  'capture.interfaces': () => {
    const a = captureAvailability();
    if (!a.available) throw new ApiError('unsupported', a.reason ?? 'live capture is unavailable');
    return loadCap()
      .Cap.deviceList()
      .map(
        (d): CaptureInterfaceInfo => ({
          name: d.name,
          description: d.description ?? null,
          addresses: d.addresses.map((x) => x.addr).filter(Boolean),
          loopback: (d.flags ?? '').includes('LOOPBACK'),
          linkType: interfaceLinkType(d.name),
        }),
      );
  },
  'capture.start': async (input, s) => {
    const c = s.requireWritableCase();
    const a = captureAvailability();
    if (!a.available) throw new ApiError('unsupported', a.reason ?? 'live capture is unavailable');
    if (s.jobs.running('ingest').length > 0 || s.capture.running) throw new ApiError('conflict', 'an import or a capture is already running on this case');
    const jobId = await s.capture.start(c.path, {
      device: input.device,
      filter: input.filter,
      snaplen: input.snaplen,
      promiscuous: input.promiscuous,
      rotateBytes: input.rotateMB * 1_000_000,
      maxPackets: input.maxPackets,
      maxSeconds: input.maxSeconds,
      author: s.user,
      tag: input.tag,
    });
    return { jobId };
  },
  'capture.stop': async (_i, s) => ({ stopped: await s.capture.stop() }),
  'capture.tag': ({ tag }, s) => {
    if (!s.capture.running) throw new ApiError('conflict', 'no capture is running');
    s.capture.setTag(tag);
    return { tag };
  },
};

import { openCaseDb } from '../cases/case-db';
import { CaptureError, LiveCapture } from '../ingest/live-capture';
import type { CaptureReply, CaptureRequest } from './capture-protocol';

// A live capture in a process of its own: cap drives libpcap from the process's
// default event loop, which a worker thread cannot share. It is the case's writer
// while it runs; the parent reads (WAL) and relays counters to the UI.
const send = (m: CaptureReply) => process.send?.(m);
let capture: LiveCapture | null = null;

process.on('message', async (m: CaptureRequest) => {
  try {
    if (m.type === 'start') {
      const db = openCaseDb(m.casePath, { nativeBinding: m.nativeBinding });
      capture = new LiveCapture(
        db,
        m.casePath,
        m.options,
        (counters) => send({ type: 'progress', counters }),
        (counters) => {
          db.close();
          send({ type: 'ended', counters });
          process.disconnect?.();
        },
      );
      await capture.start();
      send({ type: 'started' });
    } else if (m.type === 'tag') {
      capture?.setTag(m.tag, m.at);
    } else if (m.type === 'stop') {
      await capture?.stop();
    }
  } catch (err) {
    send({ type: 'failed', error: err instanceof CaptureError ? err.message : err instanceof Error ? err.message : String(err) });
    process.disconnect?.();
  }
});
// The parent went away: stop cleanly, so the evidence file and the case stay whole.
process.on('disconnect', () => void capture?.stop());
process.on('SIGTERM', () => void capture?.stop().then(() => process.exit(0)));

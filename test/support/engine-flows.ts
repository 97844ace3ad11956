import { readCaptureFile } from '../../electron/capture/capture-file';
import type { ReadStats } from '../../electron/capture/read-stats';
import { FlowEngine, type EngineCounters } from '../../electron/flows/flow-engine';
import { columnOf } from '../../electron/flows/flow-row';
import type { FlowLike } from './conversations';

const col = {
  proto: columnOf('proto'),
  srcIp: columnOf('src_ip'),
  srcPort: columnOf('src_port'),
  dstIp: columnOf('dst_ip'),
  dstPort: columnOf('dst_port'),
  packets: columnOf('packets'),
  bytes: columnOf('bytes'),
  fwdPackets: columnOf('fwd_packets'),
  bwdPackets: columnOf('bwd_packets'),
};

export interface EngineRun {
  stats: ReadStats;
  counters: EngineCounters;
  flows: FlowLike[];
}

/** A capture through the reader and the flow engine in this process, as ingest does it minus the case file. */
export async function runEngine(file: string): Promise<EngineRun> {
  const engine = new FlowEngine();
  const flows: FlowLike[] = [];
  const drain = () => {
    const batch = engine.takeFinished();
    for (const f of batch) {
      const r = engine.toRow(f);
      flows.push({
        proto: r[col.proto] as string,
        src_ip: r[col.srcIp] as string,
        src_port: r[col.srcPort] as number,
        dst_ip: r[col.dstIp] as string,
        dst_port: r[col.dstPort] as number,
        packets: r[col.packets] as number,
        bytes: r[col.bytes] as number,
        fwd_packets: r[col.fwdPackets] as number,
        bwd_packets: r[col.bwdPackets] as number,
      });
    }
    engine.release(batch);
  };
  const { stats } = await readCaptureFile(file, engine.onPacket, {
    shouldStop: () => {
      drain();
      return false;
    },
  });
  engine.finishAll();
  drain();
  return { stats, counters: engine.counters, flows };
}

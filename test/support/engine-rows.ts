import { readCaptureFile } from '../../electron/capture/capture-file';
import { FlowEngine, defaultEngineOptions, type FlowEngineOptions } from '../../electron/flows/flow-engine';
import { flowFields, type FlowRecord } from '../../shared/fields';

/** Runs the real engine over a capture in this process and returns the flow records. */
export async function engineFlows(file: string, opts: Partial<FlowEngineOptions> = {}): Promise<FlowRecord[]> {
  const engine = new FlowEngine({ ...defaultEngineOptions, ...opts });
  const rows: FlowRecord[] = [];
  const take = () => {
    const batch = engine.takeFinished();
    for (const f of batch) {
      const row = engine.toRow(f);
      rows.push(Object.fromEntries(flowFields.map((d, i) => [d.name, row[i]])) as FlowRecord);
    }
    engine.release(batch);
  };
  await readCaptureFile(file, engine.onPacket, { shouldStop: () => (take(), false) });
  engine.finishAll();
  take();
  return rows;
}

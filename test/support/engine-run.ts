import { readCaptureFile } from '../../electron/capture/capture-file';
import type { AnyFlowFeature } from '../../electron/flows/flow-feature';
import { FlowEngine, type FlowEngineOptions, defaultEngineOptions } from '../../electron/flows/flow-engine';
import { columnOf, type FlowValue } from '../../electron/flows/flow-row';
import type { FlowFieldName } from '../../shared/fields';

/** Engine options under which a flow ends only at the end of the capture, like a tshark conversation. */
export const noTimeouts: FlowEngineOptions = { idleTimeout: Number.POSITIVE_INFINITY, activeTimeout: Number.POSITIVE_INFINITY, closeTimeout: Number.POSITIVE_INFINITY };

export interface EngineRun {
  rows: FlowValue[][];
  engine: FlowEngine;
}

/** Runs the real engine over a capture and returns every flow's row (after finishAll). */
export async function runEngine(file: string, opts: FlowEngineOptions = defaultEngineOptions, features?: readonly AnyFlowFeature[]): Promise<EngineRun> {
  const engine = new FlowEngine(opts, features);
  await readCaptureFile(file, engine.onPacket);
  engine.finishAll();
  const rows = engine.takeFinished().map((f) => engine.toRow(f));
  return { rows, engine };
}

/** A row's value by field name. */
export function field(row: FlowValue[], name: FlowFieldName): FlowValue {
  return row[columnOf(name)];
}

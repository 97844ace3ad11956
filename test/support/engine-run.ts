import { execFileSync } from 'node:child_process';
import { openSync, readSync, closeSync } from 'node:fs';
import { basename, join } from 'node:path';
import { readCaptureFile } from '../../electron/capture/capture-file';
import type { AnyFlowFeature } from '../../electron/flows/flow-feature';
import { FlowEngine, type FlowEngineOptions, defaultEngineOptions } from '../../electron/flows/flow-engine';
import { columnOf, type FlowValue } from '../../electron/flows/flow-row';
import type { FlowFieldName } from '../../shared/fields';

/** Engine options under which a flow ends only at the end of the capture, like a tshark conversation. */
export const noTimeouts: FlowEngineOptions = { idleTimeout: Number.POSITIVE_INFINITY, activeTimeout: Number.POSITIVE_INFINITY };

function isPcapng(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const head = new Uint8Array(4);
    readSync(fd, head, 0, 4, 0);
    return head[0] === 0x0a && head[1] === 0x0d && head[2] === 0x0d && head[3] === 0x0a;
  } finally {
    closeSync(fd);
  }
}

/**
 * The capture as the engine can read it: a pcapng file is converted to a
 * nanosecond pcap (editcap keeps every record and its timestamp) until the
 * engine reads pcapng itself. Returns undefined when editcap cannot convert it
 * (several link types in one file).
 */
export function readableCapture(file: string, tmpDir: string): string | undefined {
  if (!isPcapng(file)) return file;
  const out = join(tmpDir, `${basename(file)}.${Math.random().toString(36).slice(2)}.pcap`);
  try {
    execFileSync('editcap', ['-F', 'nsecpcap', file, out], { stdio: 'ignore' });
    return out;
  } catch {
    return undefined;
  }
}

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

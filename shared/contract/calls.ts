import { z } from 'zod';
import { CaseSummary } from '../domain/case';
import { Evidence } from '../domain/evidence';
import { FlowPage, FlowPageRequest } from '../domain/flow-query';
import { JobId, JobInfo } from '../domain/job';

/**
 * Every call the renderer may make, with the schema of its single argument and of
 * its result. Both transports (Electron IPC, serve mode's POST /rpc/<call>) parse
 * the input with these schemas before any handler runs.
 */
const empty = z.object({}).strict();
const filePath = z.string().min(1).max(4096);

export const calls = {
  'app.info': {
    input: empty,
    output: z.object({ version: z.string(), transport: z.enum(['ipc', 'serve']), captureAvailable: z.boolean() }),
  },
  'case.current': { input: empty, output: CaseSummary.nullable() },
  'case.open': { input: z.object({ path: filePath }).strict(), output: CaseSummary },
  'case.create': { input: z.object({ path: filePath }).strict(), output: CaseSummary },
  'case.close': { input: empty, output: z.object({ closed: z.boolean() }) },
  'evidence.list': { input: empty, output: z.array(Evidence) },
  'ingest.start': {
    input: z.object({ files: z.array(filePath).min(1).max(1000) }).strict(),
    output: z.object({ jobId: JobId }),
  },
  /** Native file chooser (Electron only; serve mode answers `unsupported` and the UI asks for paths). */
  'ui.chooseFiles': {
    input: z.object({ purpose: z.enum(['captures', 'case-open', 'case-create']) }).strict(),
    output: z.object({ paths: z.array(z.string()) }),
  },
  'jobs.list': { input: empty, output: z.array(JobInfo) },
  'jobs.cancel': { input: z.object({ jobId: JobId }).strict(), output: z.object({ cancelled: z.boolean() }) },
  'flows.page': { input: FlowPageRequest, output: FlowPage },
} as const;

export type Calls = typeof calls;
export type CallName = keyof Calls;
export type CallInput<C extends CallName> = z.input<Calls[C]['input']>;
export type CallParsed<C extends CallName> = z.output<Calls[C]['input']>;
export type CallOutput<C extends CallName> = z.output<Calls[C]['output']>;

export const callNames = Object.keys(calls) as CallName[];

export function isCallName(name: string): name is CallName {
  return Object.prototype.hasOwnProperty.call(calls, name);
}

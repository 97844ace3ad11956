import { z } from 'zod';
import { CaptureInterfaceInfo, CaptureStart, CaptureStatus } from '../domain/capture';
import { AuditEntry, AuditVerification } from '../domain/audit';
import { Bookmark, BookmarkTag, Note, Target, TargetKind } from '../domain/bookmarks';
import { CaseMetadata, CaseSummary, RecentCase } from '../domain/case';
import { Evidence, IntegrityReport } from '../domain/evidence';
import { ImportFilter } from '../domain/import-filter';
import {
  CsvLabelReport,
  FlowLabelEvent,
  LabelActResult,
  LabelBatch,
  LabelCatalogueEntry,
  LabelColour,
  LabelCounts,
  LabelHistoryEntry,
  LabelLevel,
  LabelName,
  LabelRule,
  LabelRuleInput,
  LabelRuleRun,
} from '../domain/labels';
import { FlowPage, FlowPageRequest, FlowRow, FlowScope, TimeRange } from '../domain/flow-query';
import { PacketBytes, PacketList, TcpStream } from '../domain/packets';
import { BreakdownRow, ConversationRow, EndpointRow, IoGraph } from '../domain/statistics';
import { JobId, JobInfo } from '../domain/job';
import { ModelDetail, ModelSummary, TrainOptions } from '../domain/model';
import { LabelNextRow } from '../domain/predictions';
import { DetectorInfo, Finding, FindingsParams, FindingsRun } from '../domain/findings';
import { AnomalyParams, AnomalyPoint, AnomalyRun, CurveParams, KCurve } from '../domain/anomaly';
import { BASELINE_ID } from '../sessions/baseline';
import { ColumnMapping } from '../sessions/csv-columns';
import { CsvPreview, SessionImportResult } from '../sessions/import';
import { ClassifierState, SessionTrainOptions } from '../sessions/model';
import { PredictionPage, PredictionPageRequest, SessionAnalytics, SessionPrediction } from '../sessions/prediction';
import { SessionAttributes } from '../sessions/record';
import { HostList, HostProfile, InteractiveSession, ProfileSettings } from '../domain/hosts';
import { FlowLogMapping, FlowLogPreset, FlowLogPreview } from '../domain/flow-log';

/**
 * Every call the renderer may make, with the schema of its single argument and of
 * its result. Both transports (Electron IPC, serve mode's POST /rpc/<call>) parse
 * the input with these schemas before any handler runs.
 */
const empty = z.object({}).strict();
export const ChooserPurpose = z.enum(['captures', 'case-open', 'case-create', 'case-save-as', 'export-csv', 'export-jsonl', 'export-pcapng', 'export-dataset-csv', 'export-dataset-jsonl', 'label-csv', 'audit-jsonl', 'audit-csv', 'model-import', 'session-csv', 'flow-logs']);
export type ChooserPurpose = z.infer<typeof ChooserPurpose>;
/** Flow records (csv, jsonl), their packets (pcapng), or a training set: the labelled flows' features and labels (dataset-*). */
export const ExportFormat = z.enum(['csv', 'jsonl', 'pcapng', 'dataset-csv', 'dataset-jsonl']);
const flowId = z.number().int().positive();
const evidenceId = z.number().int().positive();
// No NUL: the OS would cut the path there, so the path checked would not be the path used.
const filePath = z.string().min(1).max(4096).refine((p) => !p.includes('\0'), 'a path cannot contain NUL');
export const AuditFormat = z.enum(['jsonl', 'csv']);

/**
 * A call that changes the case carries `mutates: true`: dispatch refuses it
 * with `read_only` while the case is open read-only, before its handler runs,
 * and its handler records an audit entry (electron/cases/audit-log.ts).
 */
const MUTATES = true as const;
const modelId = z.number().int().positive();

export const calls = {
  'app.info': {
    input: empty,
    output: z.object({ version: z.string(), transport: z.enum(['ipc', 'serve']), captureAvailable: z.boolean() }),
  },
  'case.current': { input: empty, output: CaseSummary.nullable() },
  /** `readOnly`: nothing is written to the case file or its folder; calls that change the case answer `read_only`. */
  'case.open': { input: z.object({ path: filePath, readOnly: z.boolean().default(false) }).strict(), output: CaseSummary },
  'case.create': { input: z.object({ path: filePath }).strict(), output: CaseSummary },
  'case.close': { input: empty, output: z.object({ closed: z.boolean() }) },
  /** Copies the open case (a consistent snapshot, WAL included) to `path` and opens the copy read-write. */
  'case.saveAs': { input: z.object({ path: filePath }).strict(), output: CaseSummary },
  /** Cases opened before, newest first (kept per user, outside any case). */
  'case.recent': { input: empty, output: z.array(RecentCase) },
  'case.forgetRecent': { input: z.object({ path: filePath }).strict(), output: z.array(RecentCase) },
  'case.setMetadata': { input: CaseMetadata.partial().strict(), output: CaseMetadata, mutates: MUTATES },
  'evidence.list': { input: empty, output: z.array(Evidence) },
  /** Hashes every evidence file again (a job); the report arrives as `evidence.verified`. */
  'evidence.verify': { input: empty, output: z.object({ jobId: JobId.nullable() }) },
  /** The last verification of this case's evidence in this session (null before the first). */
  'evidence.integrity': { input: empty, output: IntegrityReport.nullable() },
  /** Soft removal: the file's flows are hidden from every view, nothing is dropped. */
  'evidence.remove': { input: z.object({ evidenceId }).strict(), output: Evidence, mutates: MUTATES },
  'evidence.restore': { input: z.object({ evidenceId }).strict(), output: Evidence, mutates: MUTATES },
  /** Drops a removed file's flows for good (audited). */
  'evidence.purge': { input: z.object({ evidenceId }).strict(), output: z.object({ flows: z.number().int().nonnegative() }), mutates: MUTATES },
  /**
   * Imports capture files as a job. `filter` leaves packets out as they are read
   * (and is recorded with each evidence row); `label` labels every flow of the
   * import afterwards (provenance `import`).
   */
  'ingest.start': {
    input: z.object({ files: z.array(filePath).min(1).max(1000), filter: ImportFilter.optional(), label: LabelName.optional() }).strict(),
    output: z.object({ jobId: JobId }),
    mutates: MUTATES,
  },
  /** Resumes an interrupted import: the file is read again and the flows it had committed are kept, not written twice. */
  'ingest.resume': { input: z.object({ evidenceId }).strict(), output: z.object({ jobId: JobId }), mutates: MUTATES },
  /** Discards an interrupted import and the flows it had committed. */
  'ingest.discard': { input: z.object({ evidenceId }).strict(), output: z.object({ flows: z.number().int().nonnegative() }), mutates: MUTATES },
  'audit.list': {
    input: z.object({ offset: z.number().int().nonnegative().default(0), limit: z.number().int().positive().max(10_000).default(500), newestFirst: z.boolean().default(true) }).strict(),
    output: z.object({ total: z.number().int().nonnegative(), entries: z.array(AuditEntry) }),
  },
  'audit.verify': { input: empty, output: AuditVerification },
  /** The whole trail as JSONL or CSV: written to `path` (chosen in a save dialog) or returned as text (serve mode downloads it). */
  'audit.export': {
    input: z.object({ format: AuditFormat, path: filePath.optional() }).strict(),
    output: z.object({ path: z.string().nullable(), text: z.string().nullable(), entries: z.number().int().nonnegative() }),
  },
  'bookmarks.list': { input: z.object({ kind: TargetKind.optional() }).strict(), output: z.array(Bookmark) },
  /** Bookmarks a target with a tag (replacing its previous tag). */
  'bookmarks.set': { input: z.object({ target: Target, tag: BookmarkTag }).strict(), output: Bookmark, mutates: MUTATES },
  'bookmarks.remove': { input: z.object({ target: Target }).strict(), output: z.object({ removed: z.boolean() }), mutates: MUTATES },
  'notes.list': { input: z.object({ target: Target.optional() }).strict(), output: z.array(Note) },
  'notes.add': { input: z.object({ target: Target, text: z.string().min(1).max(100_000) }).strict(), output: Note, mutates: MUTATES },
  'notes.update': { input: z.object({ id: z.number().int().positive(), text: z.string().min(1).max(100_000) }).strict(), output: Note, mutates: MUTATES },
  'notes.remove': { input: z.object({ id: z.number().int().positive() }).strict(), output: z.object({ removed: z.boolean() }), mutates: MUTATES },
  /** Native file chooser (Electron only; serve mode answers `unsupported` and the UI asks for paths). */
  'ui.chooseFiles': {
    input: z.object({ purpose: ChooserPurpose }).strict(),
    output: z.object({ paths: z.array(z.string()) }),
  },
  /**
   * Exports the scope's flows (CSV/JSONL, the CLI's formats) or their packets
   * (pcapng) as a job. In Electron `path` is one the user picked in the native
   * save dialog; in serve mode it is left out and the file is downloaded from
   * `download` once the job is done.
   */
  'export.start': {
    input: z.object({ scope: FlowScope, format: ExportFormat, path: filePath.optional() }).strict(),
    output: z.object({ jobId: JobId, download: z.string().nullable() }),
  },
  'capture.status': { input: empty, output: CaptureStatus },
  'capture.interfaces': { input: empty, output: z.array(CaptureInterfaceInfo) },
  /** Starts a live capture into the open case; rejects (bad_input) when libpcap refuses the device or the BPF filter. */
  'capture.start': { input: CaptureStart, output: z.object({ jobId: JobId }), mutates: MUTATES },
  'capture.stop': { input: empty, output: z.object({ stopped: z.boolean() }) },
  /** Sets or clears the activity tag: flows that start while it is set get it as their label. */
  'capture.tag': { input: z.object({ tag: z.string().min(1).max(200).nullable() }).strict(), output: z.object({ tag: z.string().nullable() }), mutates: MUTATES },
  'jobs.list': { input: empty, output: z.array(JobInfo) },
  'jobs.cancel': { input: z.object({ jobId: JobId }).strict(), output: z.object({ cancelled: z.boolean() }) },
  'flows.page': { input: FlowPageRequest, output: FlowPage },
  'flows.count': { input: z.object({ scope: FlowScope }).strict(), output: z.object({ count: z.number().int().nonnegative() }) },
  'flows.detail': {
    input: z.object({ id: flowId }).strict(),
    output: z.object({ flow: FlowRow, evidence: z.object({ id: z.number().int(), path: z.string(), status: z.string() }).nullable(), hasPackets: z.boolean() }),
  },
  'flows.packets': {
    input: z.object({ id: flowId, offset: z.number().int().nonnegative().default(0), limit: z.number().int().positive().max(5000).default(500) }).strict(),
    output: PacketList,
  },
  'flows.packetBytes': { input: z.object({ id: flowId, number: z.number().int().positive() }).strict(), output: PacketBytes },
  'flows.stream': { input: z.object({ id: flowId, maxBytes: z.number().int().positive().max(16 << 20).default(1 << 20) }).strict(), output: TcpStream },
  'stats.conversations': { input: z.object({ scope: FlowScope, limit: z.number().int().positive().max(100_000).default(1000) }).strict(), output: z.array(ConversationRow) },
  'stats.endpoints': { input: z.object({ scope: FlowScope, limit: z.number().int().positive().max(100_000).default(1000) }).strict(), output: z.array(EndpointRow) },
  'stats.breakdown': {
    input: z.object({ scope: FlowScope, by: z.enum(['app', 'proto', 'app_category', 'conn_state', 'label']), limit: z.number().int().positive().max(10_000).default(100) }).strict(),
    output: z.array(BreakdownRow),
  },
  'stats.ioGraph': { input: z.object({ scope: FlowScope, interval: z.number().positive().max(31_536_000).optional() }).strict(), output: IoGraph },
  /** Labels (or, with `label: null`, unlabels) the given flows as one undoable act. */
  'labels.apply': {
    input: z.object({ ids: z.array(flowId).min(1).max(100_000), label: LabelName.nullable(), provenance: z.enum(['manual', 'model-accepted']).default('manual') }).strict(),
    output: LabelActResult,
    mutates: MUTATES,
  },
  /** Labels every flow matching a display filter (and time range) as one act, provenance `filter`. */
  'labels.applyFilter': {
    input: z.object({ filter: z.string().max(10_000), range: TimeRange.optional(), label: LabelName.nullable() }).strict(),
    output: LabelActResult,
    mutates: MUTATES,
  },
  /** Undoes one act (the latest one still in force when `batch` is left out): each flow gets back its previous label. */
  'labels.undo': { input: z.object({ batch: LabelBatch.optional() }).strict(), output: z.object({ batch: LabelBatch, flows: z.number().int().nonnegative() }), mutates: MUTATES },
  'labels.history': {
    input: z.object({ limit: z.number().int().positive().max(1000).default(50), offset: z.number().int().nonnegative().default(0) }).strict(),
    output: z.object({ acts: z.array(LabelHistoryEntry), total: z.number().int().nonnegative() }),
  },
  /** One flow's label provenance, newest first: every act that set or removed its label, undone ones included. */
  'labels.flowHistory': { input: z.object({ id: flowId }).strict(), output: z.array(FlowLabelEvent) },
  /** Every label of the case: defined ones and those found on flows, with colours and flow counts. */
  'labels.catalogue': { input: empty, output: z.array(LabelCatalogueEntry) },
  /** Adds a label to the catalogue or changes its colour or description. */
  'labels.define': {
    input: z.object({ name: LabelName, colour: LabelColour.optional(), description: z.string().max(2000).optional() }).strict(),
    output: LabelCatalogueEntry,
    mutates: MUTATES,
  },
  /** Flows per class at a level, within an optional display filter: what a model would train on. */
  'labels.counts': {
    input: z.object({ level: LabelLevel.default('activity'), filter: z.string().max(10_000).default('') }).strict(),
    output: LabelCounts,
  },
  'labels.rules.list': { input: empty, output: z.array(LabelRule) },
  'labels.rules.add': { input: LabelRuleInput, output: LabelRule, mutates: MUTATES },
  'labels.rules.remove': { input: z.object({ id: z.number().int().positive() }).strict(), output: z.object({ removed: z.boolean() }), mutates: MUTATES },
  /** Runs rules (all, or the given ones) in order as one act, provenance `rule`; by default only unlabelled flows are touched. */
  'labels.rules.run': {
    input: z.object({ ids: z.array(z.number().int().positive()).max(10_000).optional(), overwrite: z.boolean().default(false) }).strict(),
    output: LabelRuleRun,
    mutates: MUTATES,
  },
  /**
   * Labels flows from a ground-truth CSV (`src_ip,src_port,dst_ip,dst_port,proto,label[,first_ts]`),
   * matched in either direction, and by time when `first_ts` is given; provenance `csv`.
   */
  'labels.importCsv': {
    input: z.object({ path: filePath, toleranceSeconds: z.number().nonnegative().max(86_400).default(1) }).strict(),
    output: CsvLabelReport,
    mutates: MUTATES,
  },
  /** Trains a classifier on the labelled flows as a job (evaluations, then the model, stored in the case). */
  'models.train': { input: TrainOptions, output: z.object({ jobId: JobId }), mutates: MUTATES },
  'models.list': { input: empty, output: z.array(ModelSummary) },
  'models.get': { input: z.object({ id: modelId }).strict(), output: ModelDetail },
  'models.delete': { input: z.object({ id: modelId }).strict(), output: z.object({ deleted: z.boolean() }), mutates: MUTATES },
  /** The model file's text, for the renderer to save (a download in serve mode, the save dialog in Electron). */
  'models.export': { input: z.object({ id: modelId }).strict(), output: z.object({ fileName: z.string(), content: z.string() }) },
  /** Reads a model file (validated: format, schema, trees, known features) into the case as a new version. */
  'models.import': { input: z.object({ path: filePath }).strict(), output: ModelSummary, mutates: MUTATES },
  /** Writes every flow's prediction and confidence with this model, as a job. */
  'models.apply': { input: z.object({ id: modelId }).strict(), output: z.object({ jobId: JobId }), mutates: MUTATES },
  /** Active learning: the unlabelled flows the applied model is least sure of. */
  'models.labelNext': {
    input: z.object({ limit: z.number().int().positive().max(10_000).default(50) }).strict(),
    output: z.object({ modelId: z.number().int().nullable(), flows: z.array(LabelNextRow) }),
  },
  /** Makes the flows' predictions their labels (provenance model-accepted), optionally only the confident ones. */
  'models.accept': {
    input: z.object({ scope: FlowScope, minConfidence: z.number().min(0).max(1).default(0), onlyUnlabelled: z.boolean().default(true) }).strict(),
    output: z.object({ labelled: z.number().int().nonnegative() }),
    mutates: MUTATES,
  },
  /** Runs the detectors over the open case as a job; its findings replace the previous run's. */
  'findings.start': { input: FindingsParams.strict(), output: z.object({ jobId: JobId }), mutates: MUTATES },
  /** The latest run's findings, in time order (null run: never computed). */
  'findings.list': { input: empty, output: z.object({ run: FindingsRun.nullable(), findings: z.array(Finding) }) },
  /** A finding's evidence flow ids, ascending. */
  'findings.flowIds': { input: z.object({ id: z.number().int().positive() }).strict(), output: z.object({ ids: z.array(z.number().int()) }) },
  /** Each detector's definition and default thresholds. */
  'findings.detectors': { input: empty, output: z.array(DetectorInfo) },
  /** Trains a K-Means model on the baseline (this case or another case file) and scores this case's hosts, as a job. */
  'anomaly.train': { input: AnomalyParams.strict(), output: z.object({ jobId: JobId }), mutates: MUTATES },
  /** Computes elbow and silhouette curves for choosing k, as a job; anomaly.curves reads them. */
  'anomaly.suggestK': { input: CurveParams.strict(), output: z.object({ jobId: JobId }), mutates: MUTATES },
  'anomaly.curves': { input: empty, output: KCurve.nullable() },
  /** The latest detection run: every anomaly, then normal points spread evenly, `limit` in all. */
  'anomaly.results': {
    input: z.object({ limit: z.number().int().positive().max(50_000).default(5000) }).strict(),
    output: z.object({ run: AnomalyRun.nullable(), points: z.array(AnomalyPoint), total: z.number().int() }),
  },
  /** Session fingerprinting: classify one record (the single-scan form) and store it with its prediction. */
  'sessions.scan': { input: SessionAttributes, output: SessionPrediction, mutates: MUTATES },
  /** A session CSV's header, separator, suggested column mapping and first rows, for the import dialog. */
  'sessions.csvPreview': { input: z.object({ path: filePath }).strict(), output: CsvPreview },
  /** Imports and classifies a session CSV as a job; `mapping` names the file's column for each of ours. */
  'sessions.import': { input: z.object({ path: filePath, mapping: ColumnMapping }).strict(), output: z.object({ jobId: JobId }), mutates: MUTATES },
  /** A finished import's counts and rejected rows (by line and reason). */
  'sessions.importResult': { input: z.object({ jobId: JobId }).strict(), output: SessionImportResult },
  'sessions.predictions': { input: PredictionPageRequest, output: PredictionPage },
  'sessions.analytics': { input: z.object({ interval: z.number().positive().max(31_536_000).optional() }).strict(), output: SessionAnalytics },
  /** The classifier new predictions use and the case's session models with their evaluations. */
  'sessions.classifier': { input: empty, output: ClassifierState },
  'sessions.setClassifier': { input: z.object({ active: z.string().regex(new RegExp(`^(${BASELINE_ID}|model:[0-9]+)$`)) }).strict(), output: ClassifierState, mutates: MUTATES },
  /** Trains a session model on the case's labelled records as a job (k-fold evaluation, then a fit on all). */
  'sessions.train': { input: SessionTrainOptions, output: z.object({ jobId: JobId }), mutates: MUTATES },
  /** Turns the case's interactive SSH/Telnet/RDP/FTP connections into session records (replacing earlier ones) as a job. */
  'sessions.derive': { input: empty, output: z.object({ jobId: JobId }), mutates: MUTATES },
  /** Stored host profiles (computed by `hosts.compute`), the settings they used and whether flows changed since. */
  'hosts.list': { input: empty, output: HostList },
  /** One host's full profile; id 0 is the whole case. */
  'hosts.profile': { input: z.object({ id: z.number().int().nonnegative() }).strict(), output: HostProfile },
  /** SSH/Telnet sessions with their typing estimate, of one host or (no id, or 0) all. */
  'hosts.sessions': { input: z.object({ hostId: z.number().int().nonnegative().optional() }).strict(), output: z.array(InteractiveSession) },
  'hosts.compute': { input: empty, output: z.object({ jobId: JobId }), mutates: MUTATES },
  /** Stores the case's profile settings (refused with the reason when a block or time zone is bad); recompute to apply. */
  'hosts.settings': { input: z.object({ settings: ProfileSettings }).strict(), output: ProfileSettings, mutates: MUTATES },
  /** The first rows of a flow log, the preset it looks like and a mapping guessed from its columns. */
  'flowlog.preview': { input: z.object({ path: filePath }).strict(), output: FlowLogPreview },
  /** Imports a flow log as evidence (a job); a generic file needs its mapping. */
  'flowlog.import': {
    input: z.object({ path: filePath, preset: FlowLogPreset.optional(), mapping: FlowLogMapping.optional() }).strict(),
    output: z.object({ jobId: JobId }),
    mutates: MUTATES,
  },
} as const;

export type Calls = typeof calls;
export type CallName = keyof Calls;
export type CallInput<C extends CallName> = z.input<Calls[C]['input']>;
export type CallParsed<C extends CallName> = z.output<Calls[C]['input']>;
export type CallOutput<C extends CallName> = z.output<Calls[C]['output']>;

export const callNames = Object.keys(calls) as CallName[];

/** Whether a call changes the case (refused while it is open read-only). */
export function callMutates(name: CallName): boolean {
  return (calls[name] as { mutates?: boolean }).mutates === true;
}

export function isCallName(name: string): name is CallName {
  return Object.prototype.hasOwnProperty.call(calls, name);
}

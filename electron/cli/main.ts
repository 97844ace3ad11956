import { Command, CommanderError } from 'commander';
import { CaptureFormatError } from '../capture/capture-errors';
import { CaseError } from '../cases/case-errors';
import { EvidenceChangedError } from '../cases/evidence-errors';
import { ApiError } from '../../shared/contract/errors';
import { appVersion } from '../app-version';
import { CliError } from './cli-error';
import { registerCapture } from './commands/capture';
import { registerExportPcap } from './commands/export-pcap';
import { registerFlows } from './commands/flows';
import { registerHosts } from './commands/hosts';
import { registerImportFlows } from './commands/import-flows';
import { registerInteractiveSessions } from './commands/interactive-sessions';
import { registerIngest } from './commands/ingest';
import { registerExportDataset } from './commands/export-dataset';
import { registerLabel } from './commands/label';
import { registerLabelRules } from './commands/label-rules';
import { registerServe } from './commands/serve';
import { registerAudit } from './commands/audit';
import { registerBookmarks } from './commands/bookmarks';
import { registerNotes } from './commands/notes';
import { registerVerify } from './commands/verify';
import { registerReport } from './commands/report';
import { registerModels } from './commands/models';
import { registerPredict } from './commands/predict';
import { registerTrain } from './commands/train';
import { ModelFileError } from '../learning/model-file-error';
import { TrainingError } from '../learning/training-error';
import { registerFindings } from './commands/findings';
import { registerDetect } from './commands/detect';
import { registerSessions } from './commands/sessions';

const program = new Command('flowsight')
  .description('Flowsight: a forensic workbench for the behaviour analysis of network traffic')
  .version(appVersion())
  .exitOverride();

registerIngest(program);
registerFlows(program);
registerExportPcap(program);
registerLabel(program);
registerLabelRules(program);
registerExportDataset(program);
registerCapture(program);
registerServe(program);
registerVerify(program);
registerAudit(program);
registerBookmarks(program);
registerNotes(program);
registerReport(program);
registerTrain(program);
registerPredict(program);
registerModels(program);
registerFindings(program);
registerDetect(program);
registerImportFlows(program);
registerHosts(program);
registerInteractiveSessions(program);
registerSessions(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) process.exit(err.exitCode);
  // Known failures are one line naming the file and the reason; no stack traces.
  const known = err instanceof CliError || err instanceof CaptureFormatError || err instanceof CaseError || err instanceof ApiError || err instanceof EvidenceChangedError || err instanceof ModelFileError || err instanceof TrainingError;
  process.stderr.write(`flowsight: ${known ? (err as Error).message : (err as Error).stack ?? String(err)}\n`);
  process.exit(err instanceof CliError ? err.exitCode : 1);
}

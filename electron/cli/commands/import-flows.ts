import type { Command } from 'commander';
import { resolve } from 'node:path';
import { FlowLogField, FlowLogPreset, type FlowLogImportResult } from '../../../shared/domain/flow-log';
import { openCaseDb } from '../../cases/case-db';
import { chooseMapper } from '../../flowlog/flow-log-import';
import { headLines, sniffLayout } from '../../flowlog/log-layout';
import { parseMapping } from '../../flowlog/presets/generic-preset';
import type { FlowImportJobInput } from '../../jobs/flow-import-worker';
import { CliError } from '../cli-error';
import { runCliJob } from '../run-cli-job';

const SHOW_PROBLEMS = 20;

export function registerImportFlows(program: Command): void {
  program
    .command('import-flows')
    .description('import flow records (CSV, Zeek conn.log TSV or JSON lines, NSL-KDD/KDD\'99) into a case as flows without packets')
    .argument('<file>', 'flow log')
    .requiredOption('--case <path>', 'case file (created if needed)')
    .option('--preset <preset>', 'cic (CICFlowMeter, CIC-IDS2017/2018), zeek (conn.log), nslkdd; default: detected from the file')
    .option('--map <mapping>', 'generic CSV: field=column pairs, e.g. "src_ip=Source IP,dst_ip=Destination IP,bytes=Bytes,packets=Packets,duration=Duration"')
    .option('--quiet', 'no progress bar')
    .action(async (file: string, o: { case: string; preset?: string; map?: string; quiet?: boolean }) => {
      const path = resolve(file);
      const casePath = resolve(o.case);
      let preset: FlowLogPreset | undefined;
      if (o.preset !== undefined) {
        const p = FlowLogPreset.safeParse(o.preset);
        if (!p.success || p.data === 'generic') throw new CliError(`--preset must be cic, zeek or nslkdd, not ${JSON.stringify(o.preset)}`, 2);
        preset = p.data;
      }
      let mapping;
      try {
        mapping = o.map === undefined ? undefined : parseMapping(o.map, FlowLogField.options);
        // Refuse before creating anything: a file no preset or mapping can read.
        chooseMapper(sniffLayout(headLines(path)), { preset, mapping });
      } catch (err) {
        throw new CliError((err as Error).message, 2);
      }
      openCaseDb(casePath, { create: true }).close();
      const input: FlowImportJobInput = { casePath, path, preset, mapping };
      const r = (await runCliJob('flow-import', 'flow-import-worker', input, { quiet: o.quiet, what: 'import', unit: 'bytes' })).result as FlowLogImportResult | null;
      if (!r) return;
      process.stderr.write(`${path}: ${r.preset}, ${r.flows} flows, ${r.labelled} labelled, ${r.badRows} bad rows\n`);
      for (const p of r.problems.slice(0, SHOW_PROBLEMS)) process.stderr.write(`  line ${p.line}: ${p.reason}\n`);
      if (r.badRows > SHOW_PROBLEMS) process.stderr.write(`  … and ${r.badRows - SHOW_PROBLEMS} more\n`);
    });
}

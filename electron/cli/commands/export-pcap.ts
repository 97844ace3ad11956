import type { Command } from 'commander';
import { resolve } from 'node:path';
import { openCaseDb } from '../../cases/case-db';
import { exportPackets } from '../../investigate/export-packets';
import { filterOption } from '../filter-option';
import { CliError } from '../cli-error';

export function registerExportPcap(program: Command): void {
  program
    .command('export-pcap')
    .description("write the packets of the flows a display filter selects to a pcapng file (like Wireshark's Export Specified Packets)")
    .requiredOption('--case <path>', 'case file')
    .requiredOption('--out <path>', 'pcapng file to write')
    .option('--filter <expr>', 'display filter (default: every flow)', '')
    .action(async (o: { case: string; out: string; filter: string }) => {
      const db = openCaseDb(resolve(o.case), { readOnly: true });
      try {
        const selection = filterOption(o.filter, db);
        const r = await exportPackets(db, selection, resolve(o.out));
        process.stderr.write(`${resolve(o.out)}: ${r.packets} packets of ${r.flows} flows\n`);
        if (r.flows === 0) throw new CliError('no flow matches the filter: the file holds no packets', 1);
      } finally {
        db.close();
      }
    });
}

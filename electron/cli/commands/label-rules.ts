import type { Command } from 'commander';
import { LabelRuleField, LabelRuleMatch, type LabelRule } from '../../../shared/domain/labels';
import { listLabelRules, removeLabelRule } from '../../cases/label-rule-store';
import { labelAuthor } from '../../labels/label-author';
import { newLabelRule, runLabelRules } from '../../labels/label-rules';
import { CliError } from '../cli-error';
import { labelOption } from '../label-option';
import { withCaseRecords } from '../case-records';

const out = (line: string) => process.stdout.write(`${line}\n`);
const ruleLine = (r: LabelRule) => `${r.id}\t${r.field}\t${r.match}\t${r.pattern}\t${r.label}`;

export function registerLabelRules(program: Command): void {
  const rules = program.command('label-rules').description('labelling rules: SNI, domain or JA4 → label (usually an app), stored in the case and run again at will');
  rules
    .command('add')
    .description('add a rule; domain patterns match the name and its subdomains')
    .requiredOption('--case <path>', 'case file')
    .argument('<field>', 'sni, domain (SNI, HTTP host, DNS query or endpoint name) or ja4')
    .argument('<pattern>', 'e.g. whatsapp.net, or a JA4 fingerprint')
    .argument('<label>', 'e.g. WhatsApp')
    .option('--match <how>', 'domain (name and subdomains; default for sni/domain), exact (default for ja4) or regex')
    .option('--json', 'print the rule as JSON')
    .action((field: string, pattern: string, label: string, o: { case: string; match?: string; json?: boolean }) => {
      const f = LabelRuleField.safeParse(field);
      if (!f.success) throw new CliError(`field must be sni, domain or ja4, not ${JSON.stringify(field)}`, 2);
      const m = o.match === undefined ? undefined : LabelRuleMatch.safeParse(o.match);
      if (m && !m.success) throw new CliError(`--match must be domain, exact or regex, not ${JSON.stringify(o.match)}`, 2);
      const rule = withCaseRecords(o.case, { writes: true, readOnly: false }, (db) => newLabelRule(db, { field: f.data, match: m?.data, pattern, label: labelOption(label, 'label') }, labelAuthor()));
      out(o.json ? JSON.stringify(rule) : ruleLine(rule));
    });
  rules
    .command('list')
    .description('the rules in the order they run: id, field, match, pattern, label')
    .requiredOption('--case <path>', 'case file')
    .option('--json', 'print JSON')
    .action((o: { case: string; json?: boolean }) => {
      const list = withCaseRecords(o.case, { writes: false, readOnly: false }, listLabelRules);
      if (o.json) out(JSON.stringify(list));
      else for (const r of list) out(ruleLine(r));
    });
  rules
    .command('remove')
    .description('remove a rule (labels it applied stay; undo their act to remove them)')
    .requiredOption('--case <path>', 'case file')
    .argument('<id>', 'rule id')
    .action((id: string, o: { case: string }) => {
      if (!/^[1-9][0-9]*$/.test(id)) throw new CliError(`rule id must be a positive integer, not ${JSON.stringify(id)}`, 2);
      if (!withCaseRecords(o.case, { writes: true, readOnly: false }, (db) => removeLabelRule(db, Number(id)))) throw new CliError(`no labelling rule ${id}`);
      out(`removed rule ${id}`);
    });
  rules
    .command('run')
    .description('label flows by the rules as one undoable act (first matching rule wins; only unlabelled flows unless --overwrite)')
    .requiredOption('--case <path>', 'case file')
    .option('--ids <list>', 'only these rules, e.g. 1,3')
    .option('--overwrite', 'also relabel flows that carry another label')
    .option('--json', 'print JSON')
    .action((o: { case: string; ids?: string; overwrite?: boolean; json?: boolean }) => {
      const ids = o.ids?.split(',').map((s) => s.trim());
      if (ids && ids.some((s) => !/^[1-9][0-9]*$/.test(s))) throw new CliError('--ids must be rule ids separated by commas', 2);
      const r = withCaseRecords(o.case, { writes: true, readOnly: false }, (db) => runLabelRules(db, { ids: ids?.map(Number), overwrite: o.overwrite ?? false, author: labelAuthor() }));
      if (o.json) {
        out(JSON.stringify(r));
        return;
      }
      for (const x of r.rules) out(`rule ${x.id}\t${x.flows} flows\t${x.label}`);
      out(`${r.changed} flows labelled${r.batch ? ` (batch ${r.batch})` : ''}`);
    });
}

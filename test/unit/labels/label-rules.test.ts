import { afterEach, describe, expect, it } from 'vitest';
import { applyLabelToSelection, undoLabels } from '../../../electron/cases/label-store';
import { listLabelRules, removeLabelRule } from '../../../electron/cases/label-rule-store';
import { newLabelRule, runLabelRules } from '../../../electron/labels/label-rules';
import { caseWithFlows, labelsOf, type TestFlow } from '../../support/label-case';

const JA4_WA = 't13d0512h2_8daaf6152771_02713d6af862';
const flows: TestFlow[] = [
  { id: 1, src: '10.0.0.2', sport: 1, dst: '192.0.2.1', dport: 443, first: 1, sni: 'mmg.whatsapp.net', ja4: JA4_WA },
  { id: 2, src: '10.0.0.2', sport: 2, dst: '192.0.2.1', dport: 443, first: 2, sni: 'WhatsApp.NET', ja4: JA4_WA },
  { id: 3, src: '10.0.0.2', sport: 3, dst: '192.0.2.2', dport: 443, first: 3, sni: 'notwhatsapp.net' },
  { id: 4, src: '10.0.0.2', sport: 4, dst: '192.0.2.3', dport: 80, first: 4, http_host: 'i.instagram.com' },
  { id: 5, proto: 'udp', src: '10.0.0.2', sport: 5, dst: '10.0.0.53', dport: 53, first: 5, dns_query: 'scontent.cdninstagram.com' },
  { id: 6, src: '10.0.0.2', sport: 6, dst: '192.0.2.4', dport: 443, first: 6, dst_name: 'maps.googleapis.com' },
  { id: 7, src: '10.0.0.2', sport: 7, dst: '192.0.2.5', dport: 443, first: 7, ja4: JA4_WA },
];

let open: ReturnType<typeof caseWithFlows> | null = null;
afterEach(() => open?.cleanup());
const make = () => (open = caseWithFlows(flows)).db;

describe('labelling rules', () => {
  it('domain rules match the name and its subdomains, case-insensitively, never a look-alike; over SNI, HTTP host, DNS query and endpoint names', () => {
    const db = make();
    newLabelRule(db, { field: 'sni', pattern: '*.WhatsApp.net.', label: 'WhatsApp' }, 'ana');
    newLabelRule(db, { field: 'domain', pattern: 'instagram.com', label: 'Instagram' }, 'ana');
    newLabelRule(db, { field: 'domain', pattern: 'cdninstagram.com', label: 'Instagram' }, 'ana');
    newLabelRule(db, { field: 'domain', pattern: 'googleapis.com', label: 'Maps' }, 'ana');
    expect(listLabelRules(db).map((r) => [r.id, r.field, r.match, r.pattern, r.label])).toEqual([
      [1, 'sni', 'domain', 'whatsapp.net', 'WhatsApp'],
      [2, 'domain', 'domain', 'instagram.com', 'Instagram'],
      [3, 'domain', 'domain', 'cdninstagram.com', 'Instagram'],
      [4, 'domain', 'domain', 'googleapis.com', 'Maps'],
    ]);
    const run = runLabelRules(db, { overwrite: false, author: 'ana' });
    expect(run.rules).toEqual([
      { id: 1, label: 'WhatsApp', flows: 2 },
      { id: 2, label: 'Instagram', flows: 1 },
      { id: 3, label: 'Instagram', flows: 1 },
      { id: 4, label: 'Maps', flows: 1 },
    ]);
    expect(run.changed).toBe(5);
    expect(labelsOf(db)).toEqual({ 1: 'WhatsApp', 2: 'WhatsApp', 3: null, 4: 'Instagram', 5: 'Instagram', 6: 'Maps', 7: null });
    const details = db.prepare("SELECT DISTINCT provenance, detail FROM labels WHERE flow_id IN (1, 6) ORDER BY flow_id").all();
    expect(details).toEqual([
      { provenance: 'rule', detail: 'rule 1: sni domain whatsapp.net' },
      { provenance: 'rule', detail: 'rule 4: domain domain googleapis.com' },
    ]);
    // Run again: every matching flow is labelled, nothing changes, no empty act.
    expect(runLabelRules(db, { overwrite: false, author: 'ana' })).toMatchObject({ batch: null, changed: 0 });
    undoLabels(db, run.batch!);
    expect(Object.values(labelsOf(db)).every((l) => l === null)).toBe(true);
  });

  it('JA4 rules match exactly; regex rules take display-filter patterns; the first matching rule wins', () => {
    const db = make();
    newLabelRule(db, { field: 'ja4', pattern: JA4_WA, label: 'WhatsApp' }, 'ana');
    newLabelRule(db, { field: 'sni', match: 'regex', pattern: '(?i)^(not)?whatsapp', label: 'Suspicious' }, 'ana');
    newLabelRule(db, { field: 'sni', match: 'exact', pattern: 'notwhatsapp.net', label: 'Never' }, 'ana');
    const run = runLabelRules(db, { overwrite: false, author: 'ana' });
    expect(run.rules.map((r) => r.flows)).toEqual([3, 1, 0]);
    expect(labelsOf(db)).toMatchObject({ 1: 'WhatsApp', 2: 'WhatsApp', 3: 'Suspicious', 7: 'WhatsApp' });
    expect(() => newLabelRule(db, { field: 'sni', match: 'regex', pattern: '([', label: 'X' }, 'ana')).toThrow(/not a valid regular expression/);
  });

  it('leaves labelled flows alone unless asked; overwriting never coarsens a label already within the rule\'s app', () => {
    const db = make();
    applyLabelToSelection(db, { selection: { ids: [1] }, label: 'WhatsApp/send-photo', provenance: 'manual', author: 'ana' });
    applyLabelToSelection(db, { selection: { ids: [2] }, label: 'Mistake', provenance: 'manual', author: 'ana' });
    newLabelRule(db, { field: 'sni', pattern: 'whatsapp.net', label: 'WhatsApp' }, 'ana');
    expect(runLabelRules(db, { overwrite: false, author: 'ana' }).changed).toBe(0);
    const run = runLabelRules(db, { overwrite: true, author: 'ana' });
    expect(run.changed).toBe(1);
    expect(labelsOf(db)).toMatchObject({ 1: 'WhatsApp/send-photo', 2: 'WhatsApp' });
  });

  it('runs only the rules asked for, and refuses unknown ones', () => {
    const db = make();
    const a = newLabelRule(db, { field: 'sni', pattern: 'whatsapp.net', label: 'WhatsApp' }, 'ana');
    const b = newLabelRule(db, { field: 'domain', pattern: 'googleapis.com', label: 'Maps' }, 'ana');
    expect(runLabelRules(db, { ids: [b.id], overwrite: false, author: 'ana' }).rules).toEqual([{ id: b.id, label: 'Maps', flows: 1 }]);
    expect(() => runLabelRules(db, { ids: [99], overwrite: false, author: 'ana' })).toThrow(/no labelling rule 99/);
    expect(removeLabelRule(db, a.id)).toBe(true);
    expect(removeLabelRule(db, a.id)).toBe(false);
  });
});

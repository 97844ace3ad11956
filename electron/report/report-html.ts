import { esc } from './html-escape';
import type { ReportData } from './report-data';
import { barChartSvg, timelineSvg } from './report-svg';

const time = (t: number | null) => (t === null ? '—' : new Date(t * 1000).toISOString().replace('T', ' ').replace('Z', ' UTC'));
const bytes = (n: number) => (n < 1024 ? `${n} B` : n < 1024 ** 2 ? `${(n / 1024).toFixed(1)} KiB` : n < 1024 ** 3 ? `${(n / 1024 ** 2).toFixed(1)} MiB` : `${(n / 1024 ** 3).toFixed(2)} GiB`);
const num = (n: number) => n.toLocaleString('en-US');

function table(headers: string[], rows: string[][], testid: string): string {
  if (rows.length === 0) return `<p class="none" data-testid="${testid}">None.</p>`;
  return `<table data-testid="${testid}"><thead><tr>${headers.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

// Offline and inert: no script, no external resource; the CSP says so to any browser that opens it.
const STYLE = `
body{font:13px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1d2430;margin:24px auto;max-width:1100px;padding:0 16px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:16px;border-bottom:2px solid #d5dbe4;padding-bottom:3px;margin:26px 0 8px}
table{border-collapse:collapse;width:100%;margin:6px 0}th,td{border-bottom:1px solid #e6e9ef;padding:3px 6px;text-align:left;vertical-align:top}
th{color:#667085;font-weight:600}code,.mono{font-family:ui-monospace,Menlo,Consolas,'DejaVu Sans Mono',monospace;font-size:11.5px;word-break:break-all}
.meta td:first-child{color:#667085;width:160px}.ok{color:#1e8e3e}.bad{color:#c0392b;font-weight:700}.none{color:#667085}
.plots{display:flex;flex-wrap:wrap;gap:16px}.sev-high{color:#c0392b;font-weight:700}.sev-medium{color:#b7791f;font-weight:700}
.tag{border-radius:9px;padding:0 7px;font-size:11.5px}.tag-interesting{background:#e3efff}.tag-suspicious{background:#fff4d6}.tag-malicious{background:#fde2e0}.tag-evidence{background:#e6f5e9}
[data-testid=report-audit] td:nth-child(2),[data-testid=report-evidence] td:nth-child(6){white-space:nowrap}
footer{margin-top:30px;color:#667085;font-size:11.5px}`;

/** The report as one self-contained HTML page: inline style and SVG, every datum escaped. */
export function renderReportHtml(r: ReportData): string {
  const m = r.case.metadata;
  const title = m.title || r.case.path;
  const meta = [
    ['Title', esc(m.title || '—')],
    ['Case number', esc(m.caseNumber || '—')],
    ['Examiner', esc(m.examiner || '—')],
    ['Time zone', esc(m.timeZone || '—')],
    ['Case file', `<code>${esc(r.case.path)}</code>`],
    ['Notes', esc(m.notes || '—').replace(/\n/g, '<br>')],
  ];
  const evidence = r.evidence.map((e) => [
    esc(e.id),
    `<code>${esc(e.path)}</code>`,
    `<code>${esc(e.sha256 ?? '—')}</code>`,
    esc(bytes(e.size)),
    esc(num(e.packets)),
    `${esc(time(e.firstTs))}<br>${esc(time(e.lastTs))}`,
    esc(e.removedAt !== null ? `${e.status}, removed` : e.status),
    `<span class="${e.check.state === 'ok' ? 'ok' : e.check.state === 'changed' || e.check.state === 'missing' ? 'bad' : ''}">${esc(e.check.state)}</span> ${e.check.state === 'ok' ? '' : esc(e.check.detail)}`,
  ]);
  const s = r.summary;
  const plots = [
    timelineSvg('Flows starting over time', s.timeline, (t) => time(t)),
    barChartSvg('Flows by protocol', s.byProtocol.map((p) => ({ key: p.key, value: p.flows })), 'flows'),
    barChartSvg('Top applications by bytes', [...s.topApps].sort((a, b) => b.bytes - a.bytes).map((p) => ({ key: p.key, value: p.bytes })), 'B'),
  ];
  const findings = r.findings.items.map((f) => [
    `<span class="sev-${esc(f.severity)}">${esc(f.severity)}</span>`,
    esc(f.kind),
    `${esc(time(f.startTs))}<br>${esc(time(f.endTs))}`,
    esc(f.explanation),
    `${esc(num(f.flowCount))} flows: <code>${esc(f.flowIds.join(' '))}${f.flowCount > f.flowIds.length ? ' …' : ''}</code>`,
  ]);
  const model = r.model
    ? table(
        ['Model', 'Baseline', 'k', 'Threshold', 'Training points', 'Scored points', 'Anomalies', 'Variance explained (PC1, PC2)'],
        [[esc(r.model.modelId), `<code>${esc(r.model.baseline)}</code>`, esc(r.model.params.k), esc(r.model.params.thresholdMode === 'sigma' ? `mean + ${r.model.params.multiplier}·σ` : `p${r.model.params.percentile}`), esc(num(r.model.trainingPoints)), esc(num(r.model.points)), esc(num(r.model.anomalies)), esc(r.model.explained.map((x) => `${(x * 100).toFixed(1)} %`).join(', '))]],
        'report-model',
      )
    : '<p class="none" data-testid="report-model">No anomaly model has been run on this case.</p>';
  const v = r.audit.verification;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(`Flowsight report: ${title}`)}</title><style>${STYLE}</style></head>
<body>
<h1 data-testid="report-title">${esc(title)}</h1>
<div class="none">Flowsight ${esc(r.flowsight)} · report generated ${esc(r.generatedAt)}</div>
<h2>Case</h2>${table(['Field', 'Value'], meta, 'report-metadata').replace('<table', '<table class="meta"')}
<h2>Evidence</h2>${table(['#', 'File', 'SHA-256', 'Size', 'Packets', 'First / last packet', 'Import', 'Check now'], evidence, 'report-evidence')}
<h2>Summary</h2>
<p data-testid="report-summary">${esc(num(s.flows))} flows, ${esc(num(s.packets))} packets, ${esc(bytes(s.bytes))}, from ${esc(time(s.firstTs))} to ${esc(time(s.lastTs))}.</p>
<div class="plots" data-testid="report-plots">${plots.join('')}</div>
<h2>Findings</h2>${r.findings.run ? `<p class="none">Detectors run ${esc(time(r.findings.run.createdAt))} over ${esc(num(r.findings.run.flows))} flows.</p>` : '<p class="none">The detectors have not been run on this case.</p>'}
${table(['Severity', 'Kind', 'Time', 'Explanation', 'Evidence flows'], findings, 'report-findings')}
<h2>Labelled classes and model</h2>${table(['Label', 'Flows'], r.labels.map((l) => [esc(l.label), esc(num(l.flows))]), 'report-labels')}
${model}
<h2>Bookmarks and notes</h2>
${table(['Tag', 'Target', 'By', 'When'], r.bookmarks.map((b) => [`<span class="tag tag-${esc(b.tag)}">${esc(b.tag)}</span>`, `${esc(b.kind)} ${esc(b.label)}`, esc(b.author), esc(time(b.createdAt))]), 'report-bookmarks')}
${table(['On', 'Note', 'By', 'When'], r.notes.map((n) => [`${esc(n.kind)} ${esc(n.key)}`, esc(n.text).replace(/\n/g, '<br>'), esc(n.author), esc(time(n.updatedAt))]), 'report-notes')}
<h2>Audit trail</h2>
<p data-testid="report-audit-verdict" class="${v.ok ? 'ok' : 'bad'}">${v.ok ? `Hash chain intact: ${esc(num(v.entries))} entries, head <code>${esc(v.head)}</code>.` : `Hash chain broken at entry ${esc(v.firstBroken?.seq)}: ${esc(v.firstBroken?.reason)}.`}</p>
<p class="none">The ${esc(Math.min(r.audit.excerpt.length, r.audit.total))} most recent of ${esc(num(r.audit.total))} entries:</p>
${table(['#', 'Time (UTC)', 'User', 'Action', 'Parameters'], r.audit.excerpt.map((e) => [esc(e.seq), esc(e.at), esc(e.user), esc(e.action), `<code>${esc(JSON.stringify(e.params))}</code>`]), 'report-audit')}
<footer>Self-contained: this page loads nothing and runs no script. The same content is available as JSON (<code>flowsight report --json</code>).</footer>
</body></html>
`;
}

import { useMemo, type ReactNode } from 'react';
import type { HostList, HostProfile, InteractiveSession } from '../../../shared/domain/hosts';
import { errorText } from '../../api/error-text';
import { useCall } from '../../api/use-call';
import { formatBytes, formatCount } from '../../format/format-number';
import { formatSeconds, formatTime } from '../../format/format-time';
import { Plot } from '../../plot/Plot';
import { TargetNotes } from '../annotations/TargetNotes';
import { activityFigure, categoryFigure, countryFigure, heatmapFigure, iatFigure, sizeFigure } from './host-figures';

interface Props {
  id: number;
  geo: HostList['geo'];
  onShowFlows: (filter: string) => void;
  /** The host's bookmark toggle (none for the whole case). */
  bookmark: ReactNode;
  readOnly: boolean;
}

const num = (v: number | null, digits = 2) => (v === null ? '–' : v.toFixed(digits));
const plotConfig = { displayModeBar: false } as const;

/** The numbers of a profile, grouped as the seed groups them: packets, flows and sessions, behaviour. */
function ProfileNumbers({ p }: { p: HostProfile }) {
  const s = p.summary;
  const rows: [string, string, string?][] = [
    ['Flows', formatCount(s.flows)],
    ['Sent', `${formatBytes(s.bytesSent)} in ${formatCount(s.packetsSent)} packets`],
    ['Received', `${formatBytes(s.bytesReceived)} in ${formatCount(s.packetsReceived)} packets`],
    ['Direction', `${p.direction.outbound} out · ${p.direction.inbound} in · ${p.direction.internal} internal · ${p.direction.external} external`, 'Relative to the local networks: who started the flow, and where it went'],
    ['Unique IPs', `${p.packets.uniqueSrcIps} source · ${p.packets.uniqueDstIps} destination`],
    ['Unique ports', `${p.packets.uniqueSrcPorts} source · ${p.packets.uniqueDstPorts} destination`],
    ['Packet size', `mean ${num(p.packets.size.mean, 1)} B · variance ${num(p.packets.size.variance, 0)} · entropy ${num(p.packets.size.entropy)} bits`, `From ${formatCount(p.packets.measured)} packets`],
    ['Inter-arrival', `mean ${p.packets.iat.mean === null ? '–' : formatSeconds(p.packets.iat.mean)} · entropy ${num(p.packets.iat.entropy)} bits`],
    ['Dst port entropy', `${num(p.packets.dstPortEntropy)} bits`, 'Of the destination ports of the flows this host started'],
    ['Sessions', `${p.sessions.count} (${formatSeconds(p.sessions.totalDuration)} in all, median ${p.sessions.medianDuration === null ? '–' : formatSeconds(p.sessions.medianDuration)})`, `Activity split by idle gaps over ${formatSeconds(p.sessions.gap)}`],
    ['Apps', p.packets.apps.map((a) => a.key).join(', ') || '–'],
    ['Seen', s.firstTs === null ? '–' : `${formatTime(s.firstTs).slice(0, 19)} → ${formatTime(s.lastTs!).slice(0, 19)} UTC`],
  ];
  return (
    <table className="mini-table host-numbers" data-testid="host-numbers">
      <tbody>
        {rows.map(([k, v, tip]) => (
          <tr key={k} title={tip}>
            <th>{k}</th>
            <td>{v}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function SessionsTable({ sessions }: { sessions: InteractiveSession[] }) {
  if (!sessions.length) return null;
  return (
    <section className="host-card wide">
      <h4>Interactive sessions (typing speed from keystroke timing)</h4>
      <table className="mini-table" data-testid="host-sessions">
        <thead>
          <tr>
            <th>Protocol</th>
            <th>Client</th>
            <th>Server</th>
            <th>Start (UTC)</th>
            <th>Duration</th>
            <th>Keystrokes</th>
            <th>Typing (cpm)</th>
            <th>Note</th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((s) => (
            <tr key={s.flowId}>
              <th>{s.protocol.toUpperCase()}</th>
              <td>{`${s.client}:${s.clientPort ?? ''}`}</td>
              <td>{`${s.server}:${s.serverPort ?? ''}`}</td>
              <td>{s.start === null ? '' : formatTime(s.start).slice(0, 19)}</td>
              <td>{s.duration === null ? '' : formatSeconds(s.duration)}</td>
              <td>{formatCount(s.keystrokes)}</td>
              <td>{s.typingCpm === null ? '–' : s.typingCpm.toFixed(0)}</td>
              <td className="muted">{s.note ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** One host's behaviour profile: who it is, its numbers, and the plots behind them. */
export function HostPage({ id, geo, onShowFlows, bookmark, readOnly }: Props) {
  const profile = useCall('hosts.profile', { id });
  const sessions = useCall('hosts.sessions', { hostId: id });
  const p = profile.data;
  const figures = useMemo(
    () => (p ? { size: sizeFigure(p), iat: iatFigure(p), heat: heatmapFigure(p), activity: activityFigure(p), categories: categoryFigure(p), countries: countryFigure(p) } : null),
    [p],
  );
  if (profile.error) return <div className="pane-note error-text">{errorText(profile.error)}</div>;
  if (!p || !figures) return <div className="pane-note centered">Loading profile…</div>;
  const s = p.summary;
  const title = s.kind === 'case' ? 'Whole case' : (s.name ?? s.ips[0] ?? s.mac ?? s.key);
  const filter = s.ips.map((ip) => `ip.addr == ${ip}`).join(' || ');
  return (
    <div className="host-page" data-testid="host-page">
      <div className="host-head">
        <h3 data-testid="host-title">{title}</h3>
        {bookmark}
        <span className="muted">
          {[s.mac && `MAC ${s.mac}`, s.ips.length ? s.ips.join(', ') : null, s.kind !== 'case' && (s.local ? 'local' : 'remote')].filter(Boolean).join(' · ')}
        </span>
        {p.names.length > 0 && <span className="muted">names: {p.names.map((n) => `${n.name} (${n.source})`).join(', ')}</span>}
        {filter && (
          <button onClick={() => onShowFlows(filter)} data-testid="host-show-flows">
            Show its flows
          </button>
        )}
      </div>
      {s.kind !== 'case' && s.ips.length > 0 && <TargetNotes targets={s.ips.map((ip) => ({ kind: 'host' as const, key: ip }))} what="host" readOnly={readOnly} className="host-notes" />}
      <div className="host-cards">
        <section className="host-card">
          <ProfileNumbers p={p} />
        </section>
        <section className="host-card">
          <Plot {...figures.categories} config={plotConfig} className="host-plot" testId="plot-categories" />
        </section>
        <section className="host-card">
          <Plot {...figures.heat} config={plotConfig} className="host-plot" testId="plot-heatmap" />
        </section>
        <section className="host-card">
          <Plot {...figures.activity} config={plotConfig} className="host-plot" testId="plot-activity" />
        </section>
        <section className="host-card">
          <Plot {...figures.size} config={plotConfig} className="host-plot" testId="plot-sizes" />
        </section>
        <section className="host-card">
          <Plot {...figures.iat} config={plotConfig} className="host-plot" testId="plot-iat" />
        </section>
        <section className="host-card">
          <Plot {...figures.countries} config={plotConfig} className="host-plot" testId="plot-countries" />
          <div className="attribution" data-testid="geo-attribution">
            {geo.available ? (
              <>
                {p.countries.length} countr{p.countries.length === 1 ? 'y' : 'ies'}, {p.unlocated} remote address{p.unlocated === 1 ? '' : 'es'} without one ·{' '}
                <a href="https://db-ip.com" target="_blank" rel="noreferrer">
                  {geo.attribution}
                </a>{' '}
                ({geo.database})
              </>
            ) : (
              'No geolocation database installed'
            )}
          </div>
        </section>
        <section className="host-card">
          <h4>Top destinations</h4>
          <table className="mini-table" data-testid="host-destinations">
            <thead>
              <tr>
                <th>Address</th>
                <th>Name</th>
                <th>Country</th>
                <th>Flows</th>
                <th>Bytes</th>
              </tr>
            </thead>
            <tbody>
              {p.destinations.map((d) => (
                <tr key={d.address} className="clickable" onClick={() => onShowFlows(`ip.addr == ${d.address}`)}>
                  <th>{d.address}</th>
                  <td>{d.name ?? ''}</td>
                  <td>{d.country ?? ''}</td>
                  <td>{formatCount(d.flows)}</td>
                  <td>{formatBytes(d.bytes)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section className="host-card">
          <h4>
            Activity sessions ({p.sessions.count}, split at {formatSeconds(p.sessions.gap)} idle{p.sessions.truncated ? `; the first ${p.sessions.list.length} listed` : ''})
          </h4>
          <table className="mini-table" data-testid="host-activity-sessions">
            <thead>
              <tr>
                <th>Start (UTC)</th>
                <th>Duration</th>
                <th>Flows</th>
                <th>Bytes</th>
              </tr>
            </thead>
            <tbody>
              {p.sessions.list.map((a) => (
                <tr key={a.start} className="clickable" title="Show this session's time range in the flow table" onClick={() => onShowFlows(`${filter ? `(${filter}) && ` : ''}first_ts >= ${a.start} && first_ts <= ${a.end}`)}>
                  <th>{formatTime(a.start).slice(0, 19)}</th>
                  <td>{formatSeconds(a.end - a.start)}</td>
                  <td>{formatCount(a.flows)}</td>
                  <td>{formatBytes(a.bytes)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <SessionsTable sessions={sessions.data ?? []} />
      </div>
    </div>
  );
}

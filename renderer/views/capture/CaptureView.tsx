import { useCallback, useEffect, useState } from 'react';
import type { CaseSummary } from '../../../shared/domain/case';
import type { CaptureInterfaceInfo } from '../../../shared/domain/capture';
import { api } from '../../api/client';
import { errorText } from '../../api/error-text';
import { isBoolean, isString, useStoredState } from '../../storage/stored-state';
import { InterfaceList } from './InterfaceList';
import type { Capture } from './use-capture';

interface Props {
  capture: Capture;
  current: CaseSummary;
  /** Called once a capture has started (the app then shows its flows). */
  onStarted: () => void;
}

/** A likely capture interface: the first one with addresses that is not loopback. */
function likelyInterface(list: CaptureInterfaceInfo[]): string {
  return (list.find((i) => !i.loopback && i.addresses.length > 0) ?? list.find((i) => !i.loopback) ?? list[0])?.name ?? '';
}

function snaplenProblem(text: string): string | null {
  const n = Number(text);
  return Number.isInteger(n) && n >= 64 && n <= 65_535 ? null : 'Snaplen is a whole number of bytes from 64 to 65535.';
}

function rotateProblem(text: string): string | null {
  const n = Number(text);
  return text.trim() !== '' && n > 0 && n <= 100_000 ? null : 'The rotation size is a number of MB above 0 (at most 100000).';
}

/** Where a case's live captures are written: `<case>.captures/` beside the case file. */
function capturesFolder(casePath: string): string {
  return `${casePath.replace(/\.flowsight$/, '')}.captures/`;
}

/**
 * Live capture settings: the interface, a BPF capture filter, snaplen and
 * evidence rotation, Start and Stop. libpcap checks the filter and the device
 * when the capture starts; a refusal is shown as the main process words it.
 */
export function CaptureView({ capture, current, onStarted }: Props) {
  const [interfaces, setInterfaces] = useState<CaptureInterfaceInfo[] | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [stored, setDevice] = useStoredState('flowsight.capture.device', '', isString);
  const [filter, setFilter] = useStoredState('flowsight.capture.filter', '', isString);
  const [snaplen, setSnaplen] = useStoredState('flowsight.capture.snaplen', '65535', isString);
  const [rotate, setRotate] = useStoredState('flowsight.capture.rotate-mb', '100', isString);
  const [promiscuous, setPromiscuous] = useStoredState('flowsight.capture.promiscuous', true, isBoolean);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const loadInterfaces = useCallback(() => {
    setListError(null);
    api.invoke('capture.interfaces', {}).then(setInterfaces, (err: unknown) => setListError(errorText(err)));
  }, []);
  useEffect(() => {
    if (capture.available) loadInterfaces();
  }, [capture.available, loadInterfaces]);

  if (capture.available === null) return <div className="pane-note centered">Asking whether live capture is available…</div>;
  if (!capture.available) {
    return (
      <div className="capture-view">
        <section className="panel capture-panel">
          <div className="capture-unavailable" role="status" data-testid="capture-unavailable">
            <h2>Live capture is not available here</h2>
            <p>{capture.reason ?? 'The main process did not say why.'}</p>
            <p className="muted">Everything else works: open cases, add capture files, investigate flows.</p>
          </div>
        </section>
      </div>
    );
  }

  const running = capture.running;
  const device = interfaces?.some((i) => i.name === stored) ? stored : likelyInterface(interfaces ?? []);
  const problems = [snaplenProblem(snaplen), rotateProblem(rotate)].filter((p): p is string => p !== null);
  const canStart = !running && !busy && !current.readOnly && device !== '' && problems.length === 0;

  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      await capture.start({ device, filter: filter.trim(), snaplen: Number(snaplen), promiscuous, rotateMB: Number(rotate) });
      onStarted();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  const stop = async () => {
    setBusy(true);
    try {
      await capture.stop();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="capture-view" data-testid="capture-view">
      <section className="panel capture-panel">
        <div className="panel-head">
          <h2>Capture from a local interface</h2>
          <span className="muted">Packets go to pcapng evidence in the case's folder; flows appear as they happen.</span>
          <span className="toolbar-gap" />
          <button onClick={loadInterfaces} disabled={!!running} data-testid="capture-refresh">
            Refresh interfaces
          </button>
        </div>
        <div className="capture-body">
          {listError ? (
            <div className="pane-note error-text">{listError}</div>
          ) : interfaces === null ? (
            <div className="pane-note">Listing interfaces…</div>
          ) : interfaces.length === 0 ? (
            <div className="pane-note">libpcap lists no interface this process may open.</div>
          ) : (
            <InterfaceList interfaces={interfaces} selected={device} disabled={!!running || busy} onSelect={setDevice} />
          )}
          <form
            className="capture-options"
            onSubmit={(e) => {
              e.preventDefault();
              if (canStart) void start();
            }}
          >
            <label className="option-filter">
              <span>Capture filter (BPF)</span>
              <input value={filter} onChange={(e) => setFilter(e.target.value)} disabled={!!running} placeholder="e.g. tcp port 443 or udp port 53 — empty captures everything" spellCheck={false} data-testid="capture-filter" />
            </label>
            <label className="option-number">
              <span>Snaplen (bytes)</span>
              <input type="number" min={64} max={65_535} step={1} value={snaplen} onChange={(e) => setSnaplen(e.target.value)} disabled={!!running} aria-invalid={snaplenProblem(snaplen) !== null} data-testid="capture-snaplen" />
            </label>
            <label className="option-number">
              <span>New file every (MB)</span>
              <input type="number" min={0.001} step="any" value={rotate} onChange={(e) => setRotate(e.target.value)} disabled={!!running} aria-invalid={rotateProblem(rotate) !== null} data-testid="capture-rotate" />
            </label>
            <label className="option-check">
              <input type="checkbox" checked={promiscuous} onChange={(e) => setPromiscuous(e.target.checked)} disabled={!!running} data-testid="capture-promiscuous" />
              <span>Promiscuous</span>
            </label>
            <span className="capture-actions">
              {running ? (
                <button type="button" className="stop-button" onClick={() => void stop()} disabled={busy} data-testid="capture-stop">
                  Stop capture on {running.device}
                </button>
              ) : (
                <button type="submit" className="primary" disabled={!canStart} data-testid="capture-start">
                  {busy ? 'Starting…' : device ? `Start on ${device}` : 'Start'}
                </button>
              )}
            </span>
          </form>
          {problems.map((p) => (
            <div key={p} className="error-text capture-problem">
              {p}
            </div>
          ))}
          {current.readOnly && <div className="error-text capture-problem">This case is open read-only: open it writable to capture into it.</div>}
          {error && (
            <div className="capture-error" role="alert" data-testid="capture-error">
              {error}
            </div>
          )}
          <ul className="capture-notes" data-testid="capture-notes">
            <li>
              Evidence: pcapng files in <code>{capturesFolder(current.path)}</code>, a new one past the rotation size. The flows equal those of ingesting these files afterwards.
            </li>
            <li>
              Drops: <em>Dropped</em> is libpcap's count of packets lost because its buffer was full (the capture fell behind); <em>Interface drops</em> are the interface&apos;s own receive drops since the
              start.
            </li>
            <li>Timestamps are the kernel&apos;s (libpcap&apos;s, in nanoseconds where the system gives them). Packets reach the flow table within a tenth of a second.</li>
          </ul>
        </div>
      </section>
    </div>
  );
}

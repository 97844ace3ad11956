import { useState } from 'react';
import type { CaptureCounters } from '../../../shared/domain/capture';
import { errorText } from '../../api/error-text';
import { formatBytes, formatCount } from '../../format/format-number';
import { formatElapsed } from '../../format/format-time';
import { ActivityTags } from './ActivityTags';
import { noCounters } from './capture-counters';
import type { Capture } from './use-capture';

function Counter({ label, value, title, testId }: { label: string; value: string; title?: string; testId: string }) {
  return (
    <span className="capture-counter" title={title}>
      <span className="counter-label">{label}</span> <span className="counter-value" data-testid={testId}>{value}</span>
    </span>
  );
}

/** The capture's numbers, as its job reports them a few times a second. */
function Counters({ c }: { c: CaptureCounters }) {
  return (
    <span className="capture-counters">
      <Counter label="Packets" value={formatCount(c.packets)} testId="cap-packets" />
      <Counter label="Bytes" value={formatBytes(c.bytes)} title={`${formatCount(c.bytes)} bytes on the wire`} testId="cap-bytes" />
      <Counter label="Flows" value={`${formatCount(c.flows)} (${formatCount(c.activeFlows)} active)`} title="Flows seen so far, and those still open" testId="cap-flows" />
      <Counter label="Dropped" value={c.dropped === null ? 'n/a' : formatCount(c.dropped)} title="Packets libpcap dropped because its buffer was full: the capture fell behind" testId="cap-dropped" />
      <Counter
        label="Interface drops"
        value={c.interfaceDropped === null ? 'n/a' : formatCount(c.interfaceDropped)}
        title="Receive drops the interface counted since the start"
        testId="cap-drops"
      />
      <Counter label="Duration" value={formatElapsed(c.seconds)} testId="cap-duration" />
      <Counter label="Evidence" value={`${formatBytes(c.fileBytes)}${c.files > 1 ? ` in ${c.files} files` : ''}`} title="Size of the pcapng evidence written so far" testId="cap-file" />
    </span>
  );
}

/**
 * The capture status bar, under the header in every view: what is being
 * captured, the counters, Stop and the activity tags; after a capture, how it
 * ended until dismissed.
 */
export function CaptureBar({ capture }: { capture: Capture }) {
  const [stopping, setStopping] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { running, ended } = capture;
  if (!running && !ended) return null;

  const stop = async () => {
    setStopping(true);
    setError(null);
    try {
      await capture.stop();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setStopping(false);
    }
  };

  if (running) {
    return (
      <div className="capture-bar running" data-testid="capture-bar" data-state="running">
        <div className="capture-status">
          <span className="rec-dot" aria-hidden />
          <span className="capture-what" data-testid="capture-state">
            Capturing on <strong>{running.device}</strong>
            {running.filter ? (
              <>
                {' '}
                <code title="BPF capture filter">{running.filter}</code>
              </>
            ) : (
              <span className="muted"> (no filter)</span>
            )}
          </span>
          <Counters c={running.counters ?? noCounters} />
          <button className="stop-button" onClick={() => void stop()} disabled={stopping} data-testid="capture-bar-stop">
            {stopping ? 'Stopping…' : 'Stop'}
          </button>
          {error && <span className="error-text">{error}</span>}
        </div>
        <ActivityTags tag={running.tag} setTag={capture.setTag} />
      </div>
    );
  }
  const outcome = ended!;
  return (
    <div className={`capture-bar ${outcome.error ? 'failed' : 'ended'}`} data-testid="capture-bar" data-state={outcome.error ? 'failed' : 'stopped'}>
      <div className="capture-status">
        <span className="capture-what" data-testid="capture-state">
          {outcome.error ? (
            <>
              Capture on <strong>{outcome.device}</strong> failed: <span className="error-text">{outcome.error}</span>
            </>
          ) : (
            <>
              Capture on <strong>{outcome.device}</strong> stopped
            </>
          )}
        </span>
        {outcome.counters && <Counters c={outcome.counters} />}
        <button className="icon-button dismiss" onClick={capture.dismissEnded} title="Dismiss" data-testid="capture-bar-dismiss">
          ✕
        </button>
      </div>
    </div>
  );
}

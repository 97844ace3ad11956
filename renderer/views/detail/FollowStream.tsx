import { useMemo } from 'react';
import { errorText } from '../../api/error-text';
import { useCall } from '../../api/use-call';
import { formatBytes } from '../../format/format-number';
import { streamText } from './stream-text';

/** Follow TCP stream: the client's data and the server's, reassembled, in two colours. */
export function FollowStream({ flowId }: { flowId: number }) {
  const { data, error, loading } = useCall('flows.stream', { id: flowId });
  const chunks = useMemo(() => data?.chunks.map((c) => ({ from: c.from, text: streamText(c.hex) })) ?? [], [data]);
  if (error) return <div className="pane-note error-text">{errorText(error)}</div>;
  if (!data) return <div className="pane-note">{loading ? 'Reassembling the stream…' : ''}</div>;
  return (
    <div className="follow-stream" data-testid="follow-stream">
      <div className="stream-head">
        <span className="stream-client">
          client {data.client} sent {formatBytes(data.clientBytes)}
        </span>
        <span className="stream-server">
          server {data.server} sent {formatBytes(data.serverBytes)}
        </span>
        {data.truncated && (
          <span className="stream-note" data-testid="stream-truncated">
            Truncated: only the first {formatBytes(data.chunks.reduce((n, c) => n + c.hex.length / 2, 0))} are shown
          </span>
        )}
        {data.gaps > 0 && (
          <span className="stream-note" data-testid="stream-gaps">
            {data.gaps} gap{data.gaps === 1 ? '' : 's'}: data the capture missed
          </span>
        )}
      </div>
      {chunks.length === 0 ? (
        <div className="pane-note">No payload in either direction.</div>
      ) : (
        <pre className="stream-text" data-testid="stream-text">
          {chunks.map((c, i) => (
            <span key={i} className={`stream-${c.from}`}>
              {c.text}
            </span>
          ))}
        </pre>
      )}
    </div>
  );
}

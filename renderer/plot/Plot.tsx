import type { Config, Data, Layout, PlotMouseEvent, PlotSelectionEvent, PlotlyHTMLElement } from 'plotly.js';
import { useEffect, useRef } from 'react';
import { Plotly } from './plotly-bundle';

interface Props {
  data: Data[];
  layout: Partial<Layout>;
  /** Keep it stable (a constant): a changed config makes plotly draw the plot anew. */
  config?: Partial<Config>;
  onSelected?: (e: PlotSelectionEvent) => void;
  onDeselect?: () => void;
  onClick?: (e: PlotMouseEvent) => void;
  className?: string;
  testId?: string;
}

type Emitter = PlotlyHTMLElement & { removeAllListeners: (event: string) => void };

const baseConfig: Partial<Config> = { displaylogo: false, responsive: false, modeBarButtonsToRemove: ['lasso2d', 'autoScale2d', 'toImage'] };

/** A plotly chart: Plotly.react on every change, purge on unmount, resized with its box; one plotly call at a time. */
export function Plot({ data, layout, config, onSelected, onDeselect, onClick, className, testId }: Props) {
  const el = useRef<HTMLDivElement>(null);
  const handlers = useRef({ onSelected, onDeselect, onClick });
  handlers.current = { onSelected, onDeselect, onClick };

  // Plotly's calls finish asynchronously (auto-margin redraws) and read the
  // div's layout when they do: a purge or a new react in the middle of one
  // makes it throw. So every call on the div waits for the one before; a live
  // capture re-draws a few times a second and may unmount the view mid-draw.
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const gone = useRef(false);
  const enqueue = (call: () => unknown) => {
    const step = queue.current.then(call);
    // A failed call is reported, and the calls after it still run.
    queue.current = step.catch((err: unknown) => reportError(err));
  };

  useEffect(() => {
    const div = el.current!;
    gone.current = false;
    // React detaches a view's nodes before its effects clean up, and the
    // observer fires for the detached div: plotly refuses to resize a div that
    // is not displayed, so such a resize is skipped rather than reported.
    const shown = () => div.isConnected && getComputedStyle(div).display !== 'none';
    const ro = new ResizeObserver(() =>
      enqueue(() => {
        if (!gone.current && shown() && (div as unknown as { _fullLayout?: unknown })._fullLayout) return Plotly.Plots.resize(div);
      }),
    );
    ro.observe(div);
    return () => {
      ro.disconnect();
      gone.current = true;
      enqueue(() => Plotly.purge(div));
    };
  }, []);

  useEffect(() => {
    const div = el.current!;
    enqueue(async () => {
      if (gone.current) return;
      const gd = await Plotly.react(div, data, layout, { ...baseConfig, ...config });
      // A first react (or a changed config) is a newPlot, which drops listeners: bind them again.
      const g = gd as Emitter;
      for (const name of ['plotly_selected', 'plotly_deselect', 'plotly_click']) g.removeAllListeners(name);
      g.on('plotly_selected', (e) => {
        if (e) handlers.current.onSelected?.(e);
      });
      g.on('plotly_deselect' as 'plotly_afterplot', () => handlers.current.onDeselect?.());
      g.on('plotly_click', (e) => handlers.current.onClick?.(e));
    });
  }, [data, layout, config]);

  return <div ref={el} className={`plot ${className ?? ''}`} data-testid={testId} />;
}

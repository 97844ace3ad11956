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

/** A plotly chart: Plotly.react on every change, purge on unmount, resized with its box. */
export function Plot({ data, layout, config, onSelected, onDeselect, onClick, className, testId }: Props) {
  const el = useRef<HTMLDivElement>(null);
  const handlers = useRef({ onSelected, onDeselect, onClick });
  handlers.current = { onSelected, onDeselect, onClick };

  useEffect(() => {
    const div = el.current!;
    const ro = new ResizeObserver(() => {
      // Leaving a view detaches its plots and the observer fires once more;
      // plotly rejects a resize of a detached or hidden div (an unhandled rejection).
      const shown = div.isConnected && getComputedStyle(div).display !== 'none';
      if (shown && (div as unknown as { _fullLayout?: unknown })._fullLayout) void Plotly.Plots.resize(div);
    });
    ro.observe(div);
    return () => {
      ro.disconnect();
      Plotly.purge(div);
    };
  }, []);

  useEffect(() => {
    let live = true;
    void Plotly.react(el.current!, data, layout, { ...baseConfig, ...config }).then((gd) => {
      if (!live) return;
      // A first react (or a changed config) is a newPlot, which drops listeners: bind them again.
      const g = gd as Emitter;
      for (const name of ['plotly_selected', 'plotly_deselect', 'plotly_click']) g.removeAllListeners(name);
      g.on('plotly_selected', (e) => {
        if (e) handlers.current.onSelected?.(e);
      });
      g.on('plotly_deselect' as 'plotly_afterplot', () => handlers.current.onDeselect?.());
      g.on('plotly_click', (e) => handlers.current.onClick?.(e));
    });
    return () => {
      live = false;
    };
  }, [data, layout, config]);

  return <div ref={el} className={`plot ${className ?? ''}`} data-testid={testId} />;
}

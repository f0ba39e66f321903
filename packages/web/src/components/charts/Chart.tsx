import { useEffect, useRef } from 'react';
import { type EChartsCoreOption, echarts } from './echarts';

type Handler = (params: unknown) => void;

interface Props {
  option: EChartsCoreOption;
  height: number | string;
  /** What the chart shows, for screen readers; the numbers are also in the page as text. */
  label: string;
  onEvents?: Record<string, Handler>;
  /** Merge updates into the chart instead of replacing it, so a zoomed map keeps its view. */
  merge?: boolean;
}

/**
 * A chart drawn by ECharts core. echarts-for-react 3.0.6 imports `tslib` without declaring it
 * (it is not installed at the top level here), so this small wrapper does its job: create,
 * update, follow the container's size, and dispose.
 */
export function Chart({ option, height, label, onEvents, merge = false }: Props) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init> | null>(null);
  const handlers = useRef(onEvents);
  handlers.current = onEvents;

  useEffect(() => {
    const node = element.current;
    if (!node) return;
    const instance = echarts.init(node, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(node);
    return () => {
      resize.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const instance = chart.current;
    if (instance && !instance.isDisposed())
      instance.setOption(
        { aria: { enabled: true, label: { description: label } }, ...option },
        { notMerge: !merge },
      );
  }, [option, label, merge]);

  const eventNames = Object.keys(onEvents ?? {}).join(',');
  useEffect(() => {
    const instance = chart.current;
    if (!instance || eventNames === '') return;
    const names = eventNames.split(',');
    for (const name of names) instance.on(name, (params: unknown) => handlers.current?.[name]?.(params));
    return () => {
      if (!instance.isDisposed()) for (const name of names) instance.off(name);
    };
  }, [eventNames]);

  return <div ref={element} role="img" aria-label={label} style={{ height, width: '100%' }} />;
}

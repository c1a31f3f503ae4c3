import { type RefObject, useLayoutEffect } from 'react';

/**
 * Publishes an overlay's height on its `.view` ancestor as the CSS variable `name` [px], kept as it resizes, so
 * another overlay can stand clear of it (the scale bar above the heat legend on a narrow view, whose height varies
 * with the case: a fixed offset left the iliac case's legend title under the bar).
 * @param element - the overlay
 * @param name - the variable, e.g. `--legend-height`
 */
export function useHeightOnView(element: RefObject<HTMLElement | null>, name: string): void {
  useLayoutEffect(() => {
    const el = element.current;
    const view = el?.closest<HTMLElement>('.view');
    if (!el || !view) return;
    const publish = () => view.style.setProperty(name, `${Math.ceil(el.getBoundingClientRect().height)}px`);
    publish();
    const observer = new ResizeObserver(publish);
    observer.observe(el);
    return () => {
      observer.disconnect();
      view.style.removeProperty(name);
    };
  }, [element, name]);
}

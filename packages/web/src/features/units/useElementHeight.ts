import { useEffect, useState, type RefObject } from 'react';

/** Height of a flex-sized box, for widgets such as the virtual tree that need a number. */
export function useElementHeight(ref: RefObject<HTMLElement | null>, fallback: number): number {
  const [height, setHeight] = useState(fallback);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => {
      const h = Math.floor(entry.contentRect.height);
      if (h > 0) setHeight(h);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return height;
}

/**
 * How many of a long document's segments to render now. The first screenful renders at once, so
 * its translations are asked for immediately; the rest follows in a transition, which React renders
 * in slices between the engine's answers instead of in one long task.
 */
import { startTransition, useEffect, useState } from 'react';

const FIRST_RENDER = 40;

export function useProgressiveCount(total: number): number {
  const [count, setCount] = useState(() => Math.min(total, FIRST_RENDER));
  useEffect(() => {
    if (count >= total) return;
    const frame = requestAnimationFrame(() => {
      startTransition(() => setCount(total));
    });
    return () => cancelAnimationFrame(frame);
  }, [count, total]);
  return Math.min(count, total);
}

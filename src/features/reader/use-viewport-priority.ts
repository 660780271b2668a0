/**
 * Tells the translation queue which segments are on screen, so they translate first; everything
 * else keeps its reading-order place and follows without waiting for scrolling. One shared
 * IntersectionObserver serves every segment; the first measurement is taken during layout, before
 * the segment's translation is asked for, so even the first request carries what is visible.
 */
import { useLayoutEffect, type RefObject } from 'react';
import { getTranslationQueue, type EngineRoute } from '../../lib/engine';

const ON_SCREEN = -1_000_000;

type Listener = (visible: boolean) => void;
const listeners = new WeakMap<Element, Listener>();
let observer: IntersectionObserver | null = null;

function sharedObserver(): IntersectionObserver | null {
  if (typeof IntersectionObserver === 'undefined') return null;
  observer ??= new IntersectionObserver(
    (records) => {
      for (const record of records) listeners.get(record.target)?.(record.isIntersecting);
    },
    // A screen's height of look-ahead: what the reader scrolls to next is ready when they get there.
    { rootMargin: '100% 0px' },
  );
  return observer;
}

function onScreenNow(element: Element): boolean {
  const rect = element.getBoundingClientRect();
  return rect.bottom >= 0 && rect.top <= window.innerHeight;
}

export function useViewportPriority(
  ref: RefObject<Element | null>,
  route: EngineRoute | null,
  text: string,
  index: number,
): void {
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element || !route) return;
    const queue = getTranslationQueue(route.provider, route.from, route.to);
    let withdraw = queue.prioritize(text, onScreenNow(element) ? ON_SCREEN + index : index);
    const io = sharedObserver();
    listeners.set(element, (visible) => {
      withdraw();
      withdraw = queue.prioritize(text, visible ? ON_SCREEN + index : index);
    });
    io?.observe(element);
    return () => {
      io?.unobserve(element);
      listeners.delete(element);
      withdraw();
    };
  }, [ref, route, text, index]);
}

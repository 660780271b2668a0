/**
 * Opening and closing a find bar, and the keys for it. Small on purpose: it loads with the page,
 * while the search itself loads when find is first opened.
 */
import { useCallback, useEffect, useEffectEvent, useRef, useState, type RefObject } from 'react';

/**
 * Ctrl+F / ⌘F opens the app's find bar while `enabled`; pressed again while the bar's field has
 * focus, it falls through to the browser's own find. The physical key counts too, so the shortcut
 * works with a Korean (or any non-Latin) keyboard layout active.
 */
export function useFindShortcut(
  enabled: boolean,
  input: RefObject<HTMLInputElement | null>,
  onOpen: () => void,
): void {
  const openBar = useEffectEvent(onOpen);
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      const find = (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey;
      if (!find || (event.key.toLowerCase() !== 'f' && event.code !== 'KeyF')) return;
      if (input.current && document.activeElement === input.current) return;
      event.preventDefault();
      openBar();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled, input]);
}

/**
 * Whether the bar is open, and focus around it: each opening asks the bar to focus its field
 * (`focusRequest` counts them); closing gives focus back to where it was.
 */
export function useFindBar(input: RefObject<HTMLInputElement | null>) {
  const [open, setOpen] = useState(false);
  const [focusRequest, setFocusRequest] = useState(0);
  const returnTo = useRef<HTMLElement | null>(null);

  const show = useCallback(() => {
    const active = document.activeElement;
    if (active !== input.current) {
      returnTo.current = active instanceof HTMLElement && active !== document.body ? active : null;
    }
    setOpen(true);
    setFocusRequest((count) => count + 1);
  }, [input]);

  const close = useCallback(() => {
    const target = returnTo.current;
    returnTo.current = null;
    if (target?.isConnected) target.focus({ preventScroll: true });
    else if (document.activeElement === input.current) input.current?.blur();
    setOpen(false);
  }, [input]);

  /** Closes without moving focus: for when what the bar searched goes away (another view). */
  const dismiss = useCallback(() => setOpen(false), []);

  return { open, focusRequest, show, close, dismiss };
}

import { useLayoutEffect, useRef, type DependencyList, type FocusEvent, type KeyboardEvent, type RefObject } from 'react';

const MOVES: Record<string, (at: number, count: number) => number> = {
  ArrowDown: (at, count) => Math.min(count - 1, at + 1),
  ArrowUp: (at) => Math.max(0, at - 1),
  Home: () => 0,
  End: (_at, count) => count - 1,
};

/**
 * Makes the buttons in a container one Tab stop (a roving tabindex): the arrow keys, Home and End
 * move between them. The stop is the button last focused, else the pressed one, else the first.
 * Tab indexes are set on the DOM after each render that changes `decidedBy` (what decides the
 * buttons and which is pressed), so the buttons need not know of it. With thousands of files, the sidebar
 * renders far more often than its buttons change; only the tab indexes that change are written.
 */
export function useRovingTabStop(container: RefObject<HTMLElement | null>, decidedBy: DependencyList) {
  const lastFocused = useRef<HTMLElement | null>(null);
  useLayoutEffect(() => {
    const buttons = [...(container.current?.querySelectorAll<HTMLElement>('button') ?? [])];
    const stop =
      buttons.find((button) => button === lastFocused.current) ?? buttons.find((button) => button.getAttribute('aria-pressed') === 'true') ?? buttons[0];
    for (const button of buttons) {
      const tabIndex = button === stop ? 0 : -1;
      if (button.tabIndex !== tabIndex) button.tabIndex = tabIndex;
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller names what decides its buttons
  }, decidedBy);
  return {
    onFocus: (event: FocusEvent<HTMLElement>) => {
      if (!(event.target instanceof HTMLButtonElement)) return;
      lastFocused.current = event.target;
      for (const button of container.current?.querySelectorAll<HTMLElement>('button') ?? []) button.tabIndex = button === event.target ? 0 : -1;
    },
    onKeyDown: (event: KeyboardEvent<HTMLElement>) => {
      const move = MOVES[event.key];
      if (!move || event.altKey || event.ctrlKey || event.metaKey) return;
      const buttons = [...(container.current?.querySelectorAll<HTMLElement>('button') ?? [])];
      const at = buttons.indexOf(document.activeElement as HTMLElement);
      if (at === -1) return;
      event.preventDefault();
      buttons[move(at, buttons.length)]?.focus();
    },
  };
}

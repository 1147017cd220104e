import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LibraryOpening, SLOW_OPEN_MS } from '../../renderer/ui/LibraryOpening';

afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('the library opening', () => {
  it('says nothing during a normal start, and says the library is opening once it takes longer', () => {
    vi.useFakeTimers();
    const container = document.body.appendChild(document.createElement('div'));
    const root = createRoot(container);
    act(() => root.render(<LibraryOpening />));
    expect(container.textContent).toBe('');
    act(() => vi.advanceTimersByTime(SLOW_OPEN_MS - 1));
    expect(container.textContent).toBe('');
    act(() => vi.advanceTimersByTime(1));
    expect(container.querySelector('[role="status"]')?.textContent).toMatch(/^Opening the library…/u);
    act(() => root.unmount());
  });
});

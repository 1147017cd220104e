import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppStatusStore } from '../../renderer/sync/app-status';
import { AppContext, type AppServices } from '../../renderer/ui/app-context';
import { LibraryOpening, SLOW_OPEN_MS } from '../../renderer/ui/LibraryOpening';

afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
});

function renderOpening(status: AppStatusStore) {
  const container = document.body.appendChild(document.createElement('div'));
  const root = createRoot(container);
  act(() =>
    root.render(
      <AppContext.Provider value={{ status } as unknown as AppServices}>
        <LibraryOpening />
      </AppContext.Provider>,
    ),
  );
  return { container, root };
}

describe('the library opening', () => {
  it('says nothing during a normal start, and says the library is opening once it takes longer', () => {
    vi.useFakeTimers();
    const { container, root } = renderOpening(new AppStatusStore());
    expect(container.textContent).toBe('');
    act(() => vi.advanceTimersByTime(SLOW_OPEN_MS - 1));
    expect(container.textContent).toBe('');
    act(() => vi.advanceTimersByTime(1));
    expect(container.querySelector('[role="status"]')?.textContent).toMatch(/^Opening the library…/u);
    act(() => root.unmount());
  });

  it('says at once that the library could not be opened, and why', () => {
    const status = new AppStatusStore();
    const { container, root } = renderOpening(status);
    act(() => status.update({ libraryFailure: 'There is no room left to keep the library: free some disk space, then reload.' }));
    expect(container.querySelector('[role="alert"]')?.textContent).toBe(
      'Paperdrop could not open its library. There is no room left to keep the library: free some disk space, then reload.',
    );
    act(() => root.unmount());
  });
});

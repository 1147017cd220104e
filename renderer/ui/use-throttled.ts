import { useEffect, useRef, useState } from 'react';

/**
 * `value`, changed at most once per `intervalMs`: a change after a quiet interval shows at once,
 * and while changes keep coming, the latest shows at the end of each interval. For what a stream of
 * stored batches changes and costs a render over the whole library each time.
 */
export function useThrottled<T>(value: T, intervalMs: number): T {
  const [shown, setShown] = useState(value);
  const lastShown = useRef(Number.NEGATIVE_INFINITY);
  useEffect(() => {
    const show = () => {
      lastShown.current = performance.now();
      setShown(() => value);
    };
    const wait = lastShown.current + intervalMs - performance.now();
    if (wait <= 0) return show();
    const timer = setTimeout(show, wait);
    return () => clearTimeout(timer);
  }, [value, intervalMs]);
  return shown;
}

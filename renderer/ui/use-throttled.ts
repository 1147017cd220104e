import { useEffect, useMemo, useState } from 'react';
import { paced } from '../paced';

/**
 * `value`, changed at most once per `intervalMs` (see paced): for what changes with every stored
 * batch and would otherwise be drawn, and announced, once a batch.
 */
export function useThrottled<T>(value: T, intervalMs: number): T {
  const [shown, setShown] = useState(value);
  const pace = useMemo(() => paced<T>((next) => setShown(() => next), intervalMs), [intervalMs]);
  useEffect(() => () => pace.cancel(), [pace]);
  useEffect(() => pace.push(value), [pace, value]);
  return shown;
}

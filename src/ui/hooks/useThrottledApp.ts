/**
 * Subscribes a component to a store value at most `ms` apart: read-outs that change every
 * frame (step counter, current losses) re-render a few times per second, not 60.
 */
import { useEffect, useState } from 'react';
import { appStore } from '../../store/store';
import type { AppState } from '../../store/state';

export function useThrottledApp<T>(selector: (s: AppState) => T, ms = 200, equal: (a: T, b: T) => boolean = Object.is): T {
  const [value, setValue] = useState(() => selector(appStore.getState()));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let last = selector(appStore.getState());
    setValue(last);
    const flush = () => {
      timer = null;
      const next = selector(appStore.getState());
      if (!equal(next, last)) {
        last = next;
        setValue(next);
      }
    };
    const unsubscribe = appStore.subscribe(() => {
      if (timer === null) timer = setTimeout(flush, ms);
    });
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    };
  }, [selector, ms, equal]);
  return value;
}

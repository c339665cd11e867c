import { useCallback, useEffect, useState } from 'react';
import { isAbortError } from '../../api/api-error';
import { errorText } from '../../i18n/error-text';

/** A list loaded once and again on `reload()`; the error is a message to show. */
export function useLoaded<T>(load: (signal: AbortSignal) => Promise<T>, initial: T): { value: T; error: string | null; reload(): void } {
  const [value, setValue] = useState<T>(initial);
  const [error, setError] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal).then(
      (loaded) => {
        setValue(loaded);
        setError(null);
      },
      (failure: unknown) => {
        if (!isAbortError(failure)) setError(errorText(failure));
      },
    );
    return () => controller.abort();
  }, [load, round]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { value, error, reload };
}

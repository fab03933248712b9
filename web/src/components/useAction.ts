// An action that calls the API: its busy flag, and the error it ended with, kept for showing.
import { useState } from 'react';

export function useAction() {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  /** Runs `fn` with the busy flag up; a failure is kept in `error` and handed to `onFailed`. */
  const run = async (fn: () => Promise<void>, onFailed?: (err: unknown) => void) => {
    setError(null);
    setBusy(true);
    try {
      await fn();
    } catch (err) {
      setError(err);
      onFailed?.(err);
    } finally {
      setBusy(false);
    }
  };

  return { busy, error, setError, run };
}

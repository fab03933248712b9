// The submission of a form: its busy flag, the error for the whole form, and per-field messages,
// whether found before sending (by the contract schema) or reported by the server.
import { useState, type FormEvent } from 'react';
import { useErrorText, type Checked, type FieldErrors } from './errors';
import { useAction } from './useAction';

export function useSubmit() {
  const { fields } = useErrorText();
  const [errors, setErrors] = useState<FieldErrors>({});
  const action = useAction();
  const { error, setError, busy } = action;

  /** Sends a request with the form busy; if it fails, shows the error and runs `onFailed`. */
  const run = async (send: () => Promise<void>, onFailed?: (err: unknown) => void) => {
    setErrors({});
    await action.run(send, (err) => {
      setErrors(fields(err));
      onFailed?.(err);
    });
  };

  /** Submits a checked form in place of the browser; with fields at fault, shows them and sends nothing. */
  const submit = async <T>(
    event: FormEvent,
    checked: Checked<T>,
    send: (data: T) => Promise<void>,
    onFailed?: (err: unknown) => void,
  ) => {
    event.preventDefault();
    if (!checked.ok) {
      setError(null);
      setErrors(checked.errors);
      return;
    }
    await run(() => send(checked.data), onFailed);
  };

  return { errors, setErrors, error, setError, busy, run, submit };
}

// The submission of a person form: busy flag, the error for the whole form, a message per input
// path, and for a document number another person holds, that person's id when the server named them.
import { useEffect, useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client';
import { usePathErrors, type PathChecked, type PathErrors } from './path-errors';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** Document paths → the id of the person already holding that number (only if the caller may see them). */
function duplicatesOf(err: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(err instanceof ApiError) || err.code !== 'person.duplicate_document') return out;
  for (const d of err.details) {
    const id = UUID.exec(d.message)?.[0];
    if (id) out[d.path.replace(/^body\./, '')] = id;
  }
  return out;
}

export function usePersonSubmit() {
  const { fromError, check } = usePathErrors();
  const [errors, setErrors] = useState<PathErrors>({});
  const [duplicates, setDuplicates] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // Bumped on each failure; once the messages are on screen, the first one is brought into view.
  const [failures, setFailures] = useState(0);

  useEffect(() => {
    if (failures === 0) return;
    const target = document.querySelector<HTMLElement>(
      '.field--error input, .field--error select, .field--error textarea',
    );
    (target ?? document.querySelector<HTMLElement>('.notice--error'))?.scrollIntoView({ block: 'center' });
    target?.focus({ preventScroll: true });
  }, [failures]);

  const reset = () => {
    setError(null);
    setErrors({});
    setDuplicates({});
  };

  /** Submits a checked form; with inputs at fault, shows them and sends nothing. */
  const submit = async <T>(event: FormEvent, checked: PathChecked<T>, send: (data: T) => Promise<void>) => {
    event.preventDefault();
    reset();
    if (!checked.ok) {
      setErrors(checked.errors);
      setFailures((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      await send(checked.data);
    } catch (err) {
      setError(err);
      setErrors(fromError(err));
      setDuplicates(duplicatesOf(err));
      setFailures((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  return { errors, duplicates, error, setError, busy, submit, reset, check };
}

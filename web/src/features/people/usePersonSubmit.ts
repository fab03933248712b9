// The submission of a person form: the shared form submission, keyed by each input's whole path,
// plus for a document number another person holds, that person's id when the server named them;
// after a failure the first message is brought into view.
import { useEffect, useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client';
import { pathOf, useErrorText, type Checked } from '../../components/errors';
import { useSubmit } from '../../components/useSubmit';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** Document paths → the id of the person already holding that number (only if the caller may see them). */
function duplicatesOf(err: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(err instanceof ApiError) || err.code !== 'person.duplicate_document') return out;
  for (const d of err.details) {
    const id = UUID.exec(d.message)?.[0];
    if (id) out[pathOf(d.path)] = id;
  }
  return out;
}

export function usePersonSubmit() {
  const { validate } = useErrorText();
  const form = useSubmit();
  const [duplicates, setDuplicates] = useState<Record<string, string>>({});
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

  const failed = () => setFailures((n) => n + 1);

  const reset = () => {
    form.setError(null);
    form.setErrors({});
    setDuplicates({});
  };

  /** Submits a checked form; with inputs at fault, shows them and sends nothing. */
  const submit = async <T>(event: FormEvent, checked: Checked<T>, send: (data: T) => Promise<void>) => {
    setDuplicates({});
    if (!checked.ok) failed();
    await form.submit(event, checked, send, (err) => {
      setDuplicates(duplicatesOf(err));
      failed();
    });
  };

  const { errors, error, setError, busy } = form;
  return { errors, duplicates, error, setError, busy, submit, reset, check: validate };
}

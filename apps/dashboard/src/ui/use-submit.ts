import { type FormEvent, useState } from 'react';

/**
 * A form's submit: busy while the work runs, and its refusal in the form's own shape (`errorOf`:
 * one message, or messages next to the fields); `none` is "no refusal".
 */
export function useSubmit<E>(errorOf: (caught: unknown) => E, none: E) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<E>(none);
  const submit = async (event: FormEvent, work: () => Promise<void>) => {
    event.preventDefault();
    setBusy(true);
    setError(none);
    try {
      await work();
    } catch (caught) {
      setError(errorOf(caught));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, clearError: () => setError(none), submit };
}

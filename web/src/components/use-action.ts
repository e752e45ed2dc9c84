import { useState } from 'preact/hooks';

/**
 * A screen's changes: each clears the last notice and error, runs, says it is done (when given a
 * text), then reads the screen's data again; a refusal shows as the error. `act` answers whether
 * the change went through.
 */
export function useAction(reload: () => Promise<unknown>) {
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function act(change: () => Promise<unknown>, done?: string): Promise<boolean> {
    setError(null);
    setNotice(null);
    try {
      await change();
      if (done) setNotice(done);
      await reload();
      return true;
    } catch (failure) {
      setError(failure);
      return false;
    }
  }

  return { act, notice, setNotice, error, setError };
}

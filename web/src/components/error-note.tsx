import { ApiError } from '../api';
import { t } from '../i18n';

/** An error as the user reads it: the API's own message, announced to screen readers. */
export function ErrorNote({ error }: { error: unknown }) {
  if (!error) return null;
  const message =
    error instanceof ApiError || error instanceof Error ? error.message : t('app.error');
  return (
    <p class="error" role="alert">
      {message}
    </p>
  );
}

import { useState } from 'preact/hooks';
import { t } from '../i18n';

/** Copies a secret to the clipboard, and says so. */
export function CopyButton({ text }: { text: string }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    await navigator.clipboard.writeText(text);
    setCopied(true);
  }
  return (
    <button type="button" onClick={copy} aria-live="polite">
      {copied ? t('keys.copied') : t('keys.copy')}
    </button>
  );
}

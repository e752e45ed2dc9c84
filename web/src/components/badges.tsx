import { t } from '../i18n';
import type { Alert } from '../types';

export const SeverityBadge = ({ severity }: { severity: Alert['severity'] }) => (
  <span class={`badge severity-${severity.toLowerCase()}`}>{t(`severity.${severity}`)}</span>
);

export const StatusBadge = ({ status }: { status: Alert['status'] }) => (
  <span class={`badge status-${status.toLowerCase()}`}>{t(`status.${status}`)}</span>
);

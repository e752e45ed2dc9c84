import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import { ErrorNote } from '../components/error-note';
import { language, t } from '../i18n';
import { href } from '../router';
import type { Rule } from '../types';

/** The rule pack as the team runs it: mode, severity, version; a row opens the rule. */
export function Rules() {
  const [rules, setRules] = useState<Rule[]>([]);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api<Rule[]>('GET', '/rules').then(setRules, setError);
  }, [language.value]);
  return (
    <section aria-labelledby="rules-title">
      <h1 id="rules-title">{t('rules.title')}</h1>
      <ErrorNote error={error} />
      <table>
        <thead>
          <tr>
            <th scope="col">{t('alerts.rule')}</th>
            <th scope="col">{t('rules.mode')}</th>
            <th scope="col">{t('alerts.severity')}</th>
            <th scope="col">{t('rules.version')}</th>
            <th scope="col">{t('rules.reference')}</th>
          </tr>
        </thead>
        <tbody>
          {rules.map((rule) => (
            <tr key={rule.code}>
              <td>
                <a href={href('rules', rule.code)}>{rule.title}</a>
                <div class="muted">
                  <code>{rule.code}</code>
                </div>
              </td>
              <td>
                <span class={`badge mode-${rule.mode}`}>{t(`mode.${rule.mode}`)}</span>
              </td>
              <td>{t(`severity.${rule.severity}`)}</td>
              <td>{rule.version}</td>
              <td class="muted">{rule.reference}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

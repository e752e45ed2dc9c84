import { useEffect, useMemo, useState } from 'preact/hooks';
import { api, session } from '../api';
import { TimeChart } from '../components/time-chart';
import { ErrorNote } from '../components/error-note';
import { dateTime, dayText, language, t } from '../i18n';
import { href } from '../router';
import type { Rule, RuleDetail as Detail, RuleParameter, RuleVersion } from '../types';

const MODES = ['off', 'shadow', 'on'] as const;
const SEVERITIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;

/**
 * One rule: its mode, severity and parameters (each beside its default), the hits per day live
 * and in shadow, its latest shadow hits, and every version. Admins change it: a new version.
 */
export function RuleDetail({ code }: { code: string }) {
  const [rule, setRule] = useState<Detail | null>(null);
  const [versions, setVersions] = useState<RuleVersion[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const admin = session.value!.user.role === 'admin';
  const path = `/rules/${encodeURIComponent(code)}`;

  async function reload() {
    try {
      setRule(await api<Detail>('GET', path));
      setVersions(await api<RuleVersion[]>('GET', `${path}/versions`));
    } catch (failure) {
      setError(failure);
    }
  }
  useEffect(() => void reload(), [code, language.value]);

  async function save(event: Event) {
    event.preventDefault();
    if (!rule) return;
    const data = new FormData(event.target as HTMLFormElement);
    const body: Record<string, unknown> = {};
    if (data.get('mode') !== rule.mode) body.mode = data.get('mode');
    if (data.get('severity') !== rule.severity) body.severity = data.get('severity');
    const parameters = changedParameters(rule, data);
    if (Object.keys(parameters).length > 0) body.parameters = parameters;
    setError(null);
    setSaved(false);
    if (Object.keys(body).length === 0) return;
    try {
      await api<Rule>('PUT', path, body);
      setSaved(true);
      await reload();
    } catch (failure) {
      setError(failure);
    }
  }

  const chart = useMemo(() => {
    const days = rule?.hits_by_day ?? [];
    return {
      x: days.map((d) => Date.parse(`${d.day}T12:00:00Z`) / 1000),
      series: [
        { label: t('mode.on'), values: days.map((d) => d.on), color: '#0b5cad' },
        { label: t('mode.shadow'), values: days.map((d) => d.shadow), color: '#8a4b00' },
      ],
    };
  }, [rule]);

  if (!rule) {
    return (
      <section>
        <a href={href('rules')}>{t('rules.back')}</a>
        <ErrorNote error={error} />
      </section>
    );
  }
  return (
    <section aria-labelledby="rule-title">
      <a href={href('rules')}>{t('rules.back')}</a>
      <h1 id="rule-title">
        {rule.title} <code class="muted">{rule.code}</code>
      </h1>
      <p class="muted">{rule.reference}</p>
      <form class="stacked" onSubmit={save}>
        <label>
          {t('rules.mode')}
          <select name="mode" disabled={!admin}>
            {MODES.map((mode) => (
              <option key={mode} value={mode} selected={mode === rule.mode}>
                {t(`mode.${mode}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('alerts.severity')}
          <select name="severity" disabled={!admin}>
            {SEVERITIES.map((severity) => (
              <option key={severity} value={severity} selected={severity === rule.severity}>
                {t(`severity.${severity}`)}
              </option>
            ))}
          </select>
        </label>
        {Object.entries(rule.parameters).map(([name, parameter]) => (
          <ParameterField
            key={`${name}-${rule.version}`}
            name={name}
            parameter={parameter}
            admin={admin}
          />
        ))}
        {admin ? <button type="submit">{t('rules.save')}</button> : null}
        {saved ? (
          <p class="saved" role="status">
            {t('rules.saved', { version: rule.version })}
          </p>
        ) : null}
        <ErrorNote error={error} />
      </form>

      <h2>{t('rules.hitsByDay')}</h2>
      {rule.hits_by_day.length === 0 ? (
        <p>{t('rules.noHits')}</p>
      ) : (
        <>
          <TimeChart
            kind="stacked"
            step={86_400}
            x={chart.x}
            series={chart.series}
            label={t('rules.hitsByDay')}
          />
          <table data-testid="hits-by-day">
            <thead>
              <tr>
                <th scope="col">{t('rules.day')}</th>
                <th scope="col">{t('mode.on')}</th>
                <th scope="col">{t('mode.shadow')}</th>
              </tr>
            </thead>
            <tbody>
              {rule.hits_by_day.map((day) => (
                <tr key={day.day}>
                  <td>{dayText(day.day)}</td>
                  <td>{day.on}</td>
                  <td>{day.shadow}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}

      {rule.shadow_hits.length > 0 ? (
        <>
          <h2>{t('rules.shadowHits')}</h2>
          <ul>
            {rule.shadow_hits.map((hit, index) => (
              <li key={index}>
                {dateTime(hit.event_time)}{' '}
                <a href={href('players', hit.player.external_id)}>{hit.player.external_id}</a>:{' '}
                {hit.reason.text}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <h2>{t('rules.versions')}</h2>
      <ol class="history" data-testid="versions">
        {versions.map((version) => (
          <li key={version.version}>
            <strong>v{version.version}</strong> {t(`mode.${version.mode as Rule['mode']}`)},{' '}
            {t(`severity.${version.severity as Rule['severity']}`)}
            {Object.keys(version.parameters).length > 0
              ? ` — ${JSON.stringify(version.parameters)}`
              : ''}{' '}
            <span class="muted">
              {version.author
                ? `${t('alert.by', { actor: `${version.author.kind} ${version.author.id}` })}, ${dateTime(version.created_at)}`
                : t('rules.packDefaults')}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** A parameter's input(s) by its kind: a number, an amount per currency, a mode per key. */
function ParameterField({
  name,
  parameter,
  admin,
}: {
  name: string;
  parameter: RuleParameter;
  admin: boolean;
}) {
  const hint = `${parameter.description}${parameter.unit ? ` (${parameter.unit})` : ''}`;
  if (parameter.kind === 'integer' || parameter.kind === 'number') {
    return (
      <label>
        <code>{name}</code>
        <input
          name={`p.${name}`}
          type="number"
          step={parameter.kind === 'integer' ? 1 : 'any'}
          min={parameter.min}
          max={parameter.max}
          defaultValue={String(parameter.value)}
          disabled={!admin}
        />
        <span class="muted">
          {hint}. {t('rules.default', { value: String(parameter.default) })}
        </span>
      </label>
    );
  }
  const entries = Object.entries((parameter.value ?? {}) as Record<string, unknown>);
  return (
    <fieldset>
      <legend>
        <code>{name}</code>
      </legend>
      <p class="muted">{hint}</p>
      {entries.map(([key, value]) => (
        <label key={key}>
          {key}
          {parameter.kind === 'modes' ? (
            <select name={`p.${name}.${key}`} disabled={!admin}>
              {MODES.map((mode) => (
                <option key={mode} value={mode} selected={mode === value}>
                  {t(`mode.${mode}`)}
                </option>
              ))}
            </select>
          ) : (
            <input
              name={`p.${name}.${key}`}
              type="number"
              min={0}
              defaultValue={String(value)}
              disabled={!admin}
            />
          )}
        </label>
      ))}
    </fieldset>
  );
}

/** The parameters the form changed, as a JSON merge patch of the rule's current values. */
function changedParameters(rule: Rule, data: FormData): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const [name, parameter] of Object.entries(rule.parameters)) {
    if (parameter.kind === 'integer' || parameter.kind === 'number') {
      const value = Number(data.get(`p.${name}`));
      if (value !== parameter.value) patch[name] = value;
      continue;
    }
    const changed: Record<string, unknown> = {};
    for (const [key, current] of Object.entries(
      (parameter.value ?? {}) as Record<string, unknown>,
    )) {
      const raw = data.get(`p.${name}.${key}`);
      const value = parameter.kind === 'modes' ? raw : Number(raw);
      if (value !== current) changed[key] = value;
    }
    if (Object.keys(changed).length > 0) patch[name] = changed;
  }
  return patch;
}

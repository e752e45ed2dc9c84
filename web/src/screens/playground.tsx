import { useEffect, useState } from 'preact/hooks';
import { ErrorNote } from '../components/error-note';
import { t } from '../i18n';

/** A route of the API as the OpenAPI document describes it, with its examples. */
interface Operation {
  id: string;
  method: string;
  path: string;
  group: string;
  summary: string;
  examples: { name: string; value: unknown }[];
}

interface Answer {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: string;
  ms: number;
}

/**
 * The API playground: every route a key can call, read from the service's own OpenAPI document
 * (so it never disagrees with the API), with the seed's examples preloaded. The key stays in this
 * page's memory only: never stored, never sent to /dashboard.
 */
export function Playground() {
  const [operations, setOperations] = useState<Operation[]>([]);
  const [chosen, setChosen] = useState<Operation | null>(null);
  const [key, setKey] = useState('');
  const [path, setPath] = useState('');
  const [body, setBody] = useState('');
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    fetch('/docs-json')
      .then((r) => r.json())
      .then((document: OpenApi) => {
        const found = operationsOf(document);
        setOperations(found);
        pick(found[0]);
      })
      .catch(setError);
  }, []);

  function pick(operation: Operation | undefined, example = 0) {
    if (!operation) return;
    setChosen(operation);
    setPath(operation.path);
    const value = operation.examples[example]?.value;
    setBody(value === undefined ? '' : JSON.stringify(value, null, 2));
    setAnswer(null);
  }

  async function send(event: Event) {
    event.preventDefault();
    if (!chosen) return;
    setError(null);
    let payload: string | undefined;
    if (hasBody(chosen.method) && body.trim() !== '') {
      try {
        payload = JSON.stringify(JSON.parse(body));
      } catch (failure) {
        setError(new Error(t('playground.invalidJson', { message: (failure as Error).message })));
        return;
      }
    }
    setBusy(true);
    const started = performance.now();
    try {
      const headers: Record<string, string> = { 'x-api-key': key.trim() };
      if (payload !== undefined) headers['content-type'] = 'application/json';
      const response = await fetch(path, {
        method: chosen.method,
        headers,
        body: payload,
        credentials: 'omit',
      });
      const text = await response.text();
      setAnswer({
        status: response.status,
        statusText: response.statusText,
        headers: [...response.headers.entries()],
        body: pretty(text),
        ms: Math.round(performance.now() - started),
      });
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  const groups = [...new Set(operations.map((o) => o.group))];
  return (
    <section aria-labelledby="playground-title">
      <h1 id="playground-title">{t('playground.title')}</h1>
      <p>{t('playground.intro')}</p>
      <form class="playground" onSubmit={send}>
        <label>
          {t('playground.key')}
          <input
            type="password"
            autoComplete="off"
            value={key}
            onInput={(e) => setKey((e.target as HTMLInputElement).value)}
            required
          />
        </label>
        <label>
          {t('playground.route')}
          <select
            value={chosen?.id}
            onChange={(e) =>
              pick(operations.find((o) => o.id === (e.target as HTMLSelectElement).value))
            }
          >
            {groups.map((group) => (
              <optgroup key={group} label={group}>
                {operations
                  .filter((o) => o.group === group)
                  .map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.method} {o.path} — {o.summary}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
        </label>
        {chosen && chosen.examples.length > 1 ? (
          <div class="examples">
            {chosen.examples.map((example, index) => (
              <button key={example.name} type="button" onClick={() => pick(chosen, index)}>
                {example.name}
              </button>
            ))}
          </div>
        ) : null}
        <label>
          {t('playground.path')}
          <input value={path} onInput={(e) => setPath((e.target as HTMLInputElement).value)} />
        </label>
        {chosen && hasBody(chosen.method) ? (
          <label>
            {t('playground.body')}
            <textarea
              class="code"
              rows={14}
              spellcheck={false}
              value={body}
              onInput={(e) => setBody((e.target as HTMLTextAreaElement).value)}
            />
          </label>
        ) : null}
        <button type="submit" disabled={busy || !chosen}>
          {t('playground.send')}
        </button>
      </form>
      <ErrorNote error={error} />
      {answer ? (
        <div class="response" aria-live="polite">
          <h2>{t('playground.response')}</h2>
          <p>
            {t('playground.status')}:{' '}
            <strong data-testid="response-status">
              {answer.status} {answer.statusText}
            </strong>{' '}
            ({answer.ms} ms)
          </p>
          <details open>
            <summary>{t('playground.headers')}</summary>
            <dl class="headers">
              {answer.headers.map(([name, value]) => (
                <div key={name}>
                  <dt>{name}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
          </details>
          <pre class="code" data-testid="response-body">
            {answer.body}
          </pre>
        </div>
      ) : null}
    </section>
  );
}

interface OpenApi {
  paths: Record<
    string,
    Record<
      string,
      {
        operationId: string;
        summary?: string;
        tags?: string[];
        security?: Record<string, unknown>[];
        requestBody?: {
          content?: Record<
            string,
            { example?: unknown; examples?: Record<string, { summary?: string; value: unknown }> }
          >;
        };
      }
    >
  >;
}

/** The routes an API key calls, the monitor's first. */
function operationsOf(document: OpenApi): Operation[] {
  const found: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      if (!op.security?.some((s) => 'api-key' in s)) continue;
      const json = op.requestBody?.content?.['application/json'];
      const examples = json?.examples
        ? Object.entries(json.examples).map(([name, e]) => ({ name, value: e.value }))
        : json?.example !== undefined
          ? [{ name: 'example', value: json.example }]
          : [];
      found.push({
        id: op.operationId,
        method: method.toUpperCase(),
        path,
        group: op.tags?.[0] ?? '',
        summary: op.summary ?? '',
        examples,
      });
    }
  }
  const monitorFirst = (o: Operation) => (o.group.startsWith('Betting Monitor') ? 0 : 1);
  return found.sort((a, b) => monitorFirst(a) - monitorFirst(b));
}

const hasBody = (method: string) => ['POST', 'PUT', 'PATCH'].includes(method);

function pretty(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

import { t, type TextKey } from './i18n';

/**
 * A delivery attempt's error, which the service records in English (the API's delivery log), in
 * the dashboard's language: the service's own phrases and the network errors a receiver causes
 * most. Any other text (an error this list does not know) is shown as recorded.
 */
const KNOWN: readonly [RegExp, TextKey, readonly string[]][] = [
  [/^answered (\d+)$/, 'attempt.answered', ['status']],
  [/^no answer within (\d+) ms$/, 'attempt.timeout', ['ms']],
  [/^redirects are not followed \(to nowhere\)$/, 'attempt.redirectNowhere', []],
  [/^redirects are not followed \(to (.*)\)$/s, 'attempt.redirect', ['location']],
  [/^the answer broke off(?:: .*)?$/s, 'attempt.brokeOff', []],
  [/^could not render the message: (.*)$/s, 'attempt.render', ['detail']],
  [/^the host (\S+) does not resolve$/, 'attempt.unresolvable', ['host']],
  [/^the host leads to a private address \((.*)\): not sent$/, 'attempt.private', ['address']],
  [/^connect ECONNREFUSED (\S+)$/, 'attempt.refused', ['address']],
  [/^(?:read ECONNRESET|socket hang up)$/, 'attempt.reset', []],
  [
    /^((?:self[- ]signed|unable to (?:get|verify)|certificate|Hostname\/IP does not match).*)$/s,
    'attempt.certificate',
    ['detail'],
  ],
];

export function attemptErrorText(error: string): string {
  for (const [pattern, key, names] of KNOWN) {
    const match = pattern.exec(error);
    if (match) return t(key, Object.fromEntries(names.map((name, i) => [name, match[i + 1]])));
  }
  return error;
}

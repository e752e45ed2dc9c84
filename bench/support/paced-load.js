// Requests at a steady rate: the i-th leaves at start + i / rate, over kept-alive connections.
// autocannon's `overallRate` is a budget per second that each connection spends as fast as it
// can when the second begins: a second's requests leave in a burst. A bench that asks for a rate
// gets that rate from here; bursts, when a bench wants them, from autocannon.
const http = require('node:http');
const { setTimeout: sleep } = require('node:timers/promises');

/**
 * Sends `rate` requests a second for `seconds` (`request(i)` gives `{method, path, headers,
 * body}`) to `baseUrl`, at most `connections` in flight; answers how many were answered 2xx,
 * how many otherwise, and how many left late (no connection was free when they were due).
 */
async function pacedLoad({ baseUrl, rate, seconds, connections = 16, request }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const total = Math.round(rate * seconds);
  const counts = { ok: 0, other: 0, late: 0 };
  let inFlight = 0;
  const pending = new Set();
  const start = performance.now();
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    if (inFlight >= connections) counts.late += 1;
    inFlight += 1;
    const sent = send(agent, baseUrl, request(i)).then((status) => {
      inFlight -= 1;
      if (status >= 200 && status < 300) counts.ok += 1;
      else counts.other += 1;
      pending.delete(sent);
    });
    pending.add(sent);
  }
  await Promise.all(pending);
  agent.destroy();
  return counts;
}

function send(agent, baseUrl, { method, path, headers, body }) {
  return new Promise((resolve) => {
    const req = http.request(new URL(path, baseUrl), { method, headers, agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    });
    req.on('error', () => resolve(0));
    req.end(body);
  });
}

module.exports = { pacedLoad };

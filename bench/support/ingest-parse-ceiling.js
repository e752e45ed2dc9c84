// Ceiling A of bench/ingest.js: a bare node:http server that does what any ingestion endpoint
// must do at the least (compare the key, read the body, JSON.parse it) and answers 202 with a
// small JSON body. It stores nothing: no endpoint that stores can be faster than this.
const { createServer } = require('node:http');

const key = process.env.CEILING_KEY;

createServer((req, res) => {
  if (req.headers['x-api-key'] !== key) {
    res.writeHead(401).end();
    return;
  }
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    let event;
    try {
      event = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      res.writeHead(400).end();
      return;
    }
    const body = JSON.stringify({ success: true, data: { external_event_id: event.event_id } });
    res.writeHead(202, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(body),
    });
    res.end(body);
  });
}).listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write('ready\n'));

// The ceiling: a bare node:http server answering what GET /api/v1/lookups answers (the same bytes),
// after the cheapest possible key check. Nothing in the service can be faster than this.
const { createServer } = require('node:http');

const body = Buffer.from(process.env.CEILING_BODY, 'utf8');
const key = process.env.CEILING_KEY;

createServer((req, res) => {
  if (req.headers['x-api-key'] !== key) {
    res.writeHead(401).end();
    return;
  }
  res.writeHead(200, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': body.length,
  });
  res.end(body);
}).listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write('ready\n'));

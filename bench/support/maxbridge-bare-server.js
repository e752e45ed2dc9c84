// Ceiling of bench/maxbridge.js for get-user-info: a bare node:http server that reads the request
// body (as any POST endpoint must) and answers 200 with CEILING_BODY, the bytes of a real
// get-user-info answer of the service. No signature check, no database: nothing that answers that
// request can be faster than this.
const { createServer } = require('node:http');

const body = Buffer.from(process.env.CEILING_BODY, 'utf8');

createServer((req, res) => {
  req.on('data', () => undefined);
  req.on('end', () => {
    res.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': body.length,
    });
    res.end(body);
  });
}).listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write('ready\n'));

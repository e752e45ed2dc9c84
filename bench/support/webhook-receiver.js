// A webhook receiver for bench/webhooks.js, in a process of its own: answers every POST 200 at
// once and counts them; GET /count answers how many came. Prints its port, then `ready`.
const { createServer } = require('node:http');

let received = 0;
const server = createServer((req, res) => {
  if (req.method === 'GET') {
    res.end(String(received));
    return;
  }
  req.resume();
  req.on('end', () => {
    received++;
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('ok');
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.stdout.write(`port ${server.address().port}\nready\n`));

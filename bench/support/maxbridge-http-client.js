// Load generator of bench/maxbridge.js: a minimal HTTP/1.1 client over one `net` socket, much
// cheaper per request than node:http's client (no Agent, no ClientRequest/IncomingMessage
// objects, no stream machinery): each request is one prebuilt string written with one write();
// the answer is read from the socket's data events: status line, headers (Content-Length, or a
// chunked body, or a body up to the close; `Connection: close`), then the body. One request at a
// time per connection (no pipelining): the next one is written when the previous answer has fully
// arrived. The connection is kept alive across requests; when the server closes it (or answers
// `Connection: close`), the next request opens a new one, and `opened` counts them all.
const net = require('node:net');

const CRLF = Buffer.from('\r\n');
const HEAD_END = Buffer.from('\r\n\r\n');
const MAX_HEAD_BYTES = 64 * 1024;
const READ_BUFFER_BYTES = 64 * 1024;

class HttpConnection {
  /** @param {{ host?: string, port: number, timeoutMs?: number }} options */
  constructor({ host = '127.0.0.1', port, timeoutMs = 60_000 }) {
    this.host = host;
    this.port = port;
    this.timeoutMs = timeoutMs;
    this.socket = null;
    this.opened = 0; // connections opened over the life of this object
    this.pending = null; // { resolve } of the request in flight
    this.buffer = null;
  }

  /**
   * Sends one request (the whole request as a string: request line, headers, blank line, body)
   * and resolves with { status, text } once the answer has fully arrived, or with
   * { status: 0, text: '', error } when the connection failed before that. Never rejects.
   */
  request(raw) {
    if (this.pending) throw new Error('one request at a time per connection');
    return new Promise((resolve) => {
      this.pending = { resolve };
      this.buffer = null;
      if (!this.socket) this.open();
      this.socket.write(raw);
    });
  }

  open() {
    // `onread`: the socket reads into one buffer of this connection, no stream machinery; a
    // chunk that does not end the answer is copied before the next read overwrites it.
    const socket = net.connect({
      host: this.host,
      port: this.port,
      noDelay: true,
      onread: {
        buffer: Buffer.allocUnsafe(READ_BUFFER_BYTES),
        callback: (bytes, readBuffer) => {
          if (this.socket !== socket) return false;
          const chunk = readBuffer.subarray(0, bytes);
          this.buffer = this.buffer === null ? chunk : Buffer.concat([this.buffer, chunk]);
          this.parse(false);
          if (this.buffer === chunk) this.buffer = Buffer.from(chunk);
          return true;
        },
      },
    });
    this.opened++;
    this.socket = socket;
    socket.setTimeout(this.timeoutMs);
    socket.on('timeout', () => {
      if (this.socket === socket) this.fail('timeout');
    });
    socket.on('error', (error) => {
      if (this.socket === socket) this.fail(error.message);
    });
    socket.on('close', () => {
      if (this.socket !== socket) return;
      // A body delimited by the end of the connection is complete now; anything else is cut.
      if (this.pending && this.buffer) this.parse(true);
      if (this.socket === socket) this.fail('connection closed before the answer');
    });
  }

  /** Ends the request in flight (if any) with an error and drops the connection. */
  fail(error) {
    const socket = this.socket;
    this.socket = null;
    socket?.destroy();
    const pending = this.pending;
    this.pending = null;
    this.buffer = null;
    pending?.resolve({ status: 0, text: '', error });
  }

  /** Resolves the request in flight when `this.buffer` holds its whole answer. */
  parse(ended) {
    const buffer = this.buffer;
    if (!this.pending) return this.fail('data received with no request in flight');
    const headEnd = buffer.indexOf(HEAD_END);
    if (headEnd < 0) {
      if (buffer.length > MAX_HEAD_BYTES) this.fail('answer head too long');
      return;
    }
    // Status line and headers, lower-cased: header names are case-insensitive.
    const head = buffer.toString('latin1', 0, headEnd).toLowerCase();
    const statusLine = /^http\/1\.[01] (\d{3})/.exec(head);
    if (!statusLine) return this.fail(`bad status line: ${head.slice(0, 80)}`);
    const status = Number(statusLine[1]);
    const contentLength = headerValue(head, 'content-length');
    const length = contentLength === null ? -1 : Number(contentLength);
    if (!Number.isSafeInteger(length) || length < -1) return this.fail('bad Content-Length');
    const chunked = /\bchunked\b/.test(headerValue(head, 'transfer-encoding') ?? '');
    let close = /\bclose\b/.test(headerValue(head, 'connection') ?? '');
    if (status < 200) return this.fail(`unexpected interim answer ${status}`);
    const bodyStart = headEnd + HEAD_END.length;
    let body;
    let end;
    if (chunked) {
      const decoded = decodeChunked(buffer, bodyStart);
      if (decoded === null) return; // not complete yet
      if (decoded.error) return this.fail(decoded.error);
      ({ body, end } = decoded);
    } else if (length >= 0 || status === 204 || status === 304) {
      const size = length >= 0 ? length : 0;
      if (buffer.length < bodyStart + size) return; // not complete yet
      body = buffer.subarray(bodyStart, bodyStart + size);
      end = bodyStart + size;
    } else {
      if (!ended) return; // body delimited by the end of the connection
      body = buffer.subarray(bodyStart);
      end = buffer.length;
      close = true;
    }
    if (end !== buffer.length) return this.fail('more bytes than one answer');
    const { resolve } = this.pending;
    this.pending = null;
    this.buffer = null;
    if (close) {
      const socket = this.socket;
      this.socket = null;
      socket?.destroy();
    }
    resolve({ status, text: body.toString('utf8') });
  }

  close() {
    const socket = this.socket;
    this.socket = null;
    socket?.destroy();
  }
}

/** The value of header `name` in the lower-cased `head`, or null (the first one if repeated). */
function headerValue(head, name) {
  const at = head.indexOf(`\r\n${name}:`);
  if (at < 0) return null;
  const end = head.indexOf('\r\n', at + 2);
  return head.slice(at + name.length + 3, end < 0 ? head.length : end).trim();
}

/** The body of a chunked answer starting at `start`: null while incomplete. */
function decodeChunked(buffer, start) {
  const parts = [];
  let at = start;
  for (;;) {
    const eol = buffer.indexOf(CRLF, at);
    if (eol < 0) return null;
    const size = parseInt(buffer.toString('latin1', at, eol).split(';')[0].trim(), 16);
    if (Number.isNaN(size)) return { error: 'bad chunk size' };
    if (size === 0) {
      // Trailer section: empty (CRLF right away) or header lines ended by a blank line.
      if (buffer.length < eol + 4) return null;
      if (buffer[eol + 2] === 13 && buffer[eol + 3] === 10)
        return { body: Buffer.concat(parts), end: eol + 4 };
      const trailerEnd = buffer.indexOf(HEAD_END, eol + 2);
      if (trailerEnd < 0) return null;
      return { body: Buffer.concat(parts), end: trailerEnd + 4 };
    }
    const dataEnd = eol + 2 + size;
    if (buffer.length < dataEnd + 2) return null;
    parts.push(buffer.subarray(eol + 2, dataEnd));
    at = dataEnd + 2;
  }
}

module.exports = { HttpConnection };

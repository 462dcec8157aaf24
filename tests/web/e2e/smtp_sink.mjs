// A tiny SMTP server for the browser tests: it accepts every message on a free
// loopback port (220 / 250 / 354 / 221, no authentication, no TLS) and keeps
// it, decoded (quoted-printable or base64 bodies, multipart parts, encoded
// header words), so a test can wait for the mail a person would receive.

import net from 'node:net';

const CRLF = '\r\n';

/** Bytes held in a latin1 string (one char per byte), read back as UTF-8. */
const utf8 = (latin1) => Buffer.from(latin1, 'latin1').toString('utf8');

function decodeQuotedPrintable(text) {
  const bytes = text.replace(/=\r?\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
  return utf8(bytes);
}

function decodeBody(body, encoding) {
  const e = (encoding || '').toLowerCase();
  if (e === 'quoted-printable') return decodeQuotedPrintable(body);
  if (e === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  return utf8(body);
}

/** "=?UTF-8?q?Invitation_=C3=A0?=" → "Invitation à". */
function decodeWords(value) {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([qQbB])\?([^?]*)\?=/g, (_, _charset, kind, text) =>
      kind.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64').toString('utf8')
        : decodeQuotedPrintable(text.replace(/_/g, ' ')),
    );
}

function parseHeaders(block) {
  const headers = {};
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const at = line.indexOf(':');
    if (at > 0) headers[line.slice(0, at).trim().toLowerCase()] = decodeWords(line.slice(at + 1).trim());
  }
  return headers;
}

/** The text of a MIME entity: its decoded body, or its parts' texts one after another. */
function textOf(raw) {
  const split = raw.search(/\r?\n\r?\n/);
  const headers = parseHeaders(split < 0 ? raw : raw.slice(0, split));
  const body = split < 0 ? '' : raw.slice(split).replace(/^\r?\n\r?\n/, '');
  const type = headers['content-type'] || 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (/^multipart\//i.test(type) && boundary) {
    const parts = body.split(`--${boundary}`).slice(1);
    return { headers, text: parts.filter((p) => !p.startsWith('--')).map((p) => textOf(p.replace(/^\r?\n/, '')).text).join('\n') };
  }
  return { headers, text: decodeBody(body, headers['content-transfer-encoding']) };
}

/**
 * Starts the sink. Returns {port, messages, waitFor(predicate, timeoutMs), close()}.
 * Each message is {from, to: [addresses], headers, subject, text, raw}.
 */
export async function startSmtpSink() {
  const messages = [];
  const waiters = new Set();
  const sockets = new Set();

  const deliver = (message) => {
    messages.push(message);
    for (const waiter of [...waiters]) {
      if (waiter.predicate(message)) {
        waiters.delete(waiter);
        waiter.resolve(message);
      }
    }
  };

  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    socket.setEncoding('latin1');
    let buffer = '';
    let inData = false;
    let data = [];
    let from = '';
    let to = [];
    const reply = (line) => socket.write(line + CRLF);
    reply('220 sink.test ESMTP CQPM test sink');

    socket.on('data', (chunk) => {
      buffer += chunk;
      let end;
      while ((end = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, end).replace(/\r$/, '');
        buffer = buffer.slice(end + 1);
        if (inData) {
          if (line === '.') {
            inData = false;
            const raw = data.join(CRLF);
            const { headers, text } = textOf(raw);
            deliver({ from, to, headers, subject: headers.subject || '', text, raw });
            data = [];
            reply('250 2.0.0 queued');
          } else {
            data.push(line.startsWith('..') ? line.slice(1) : line);
          }
          continue;
        }
        const verb = line.split(' ')[0].toUpperCase();
        if (verb === 'EHLO') {
          reply('250-sink.test');
          reply('250 8BITMIME');
        } else if (verb === 'HELO') {
          reply('250 sink.test');
        } else if (verb === 'MAIL') {
          from = /<([^>]*)>/.exec(line)?.[1] ?? '';
          to = [];
          reply('250 2.1.0 OK');
        } else if (verb === 'RCPT') {
          to.push(/<([^>]*)>/.exec(line)?.[1] ?? '');
          reply('250 2.1.5 OK');
        } else if (verb === 'DATA') {
          inData = true;
          reply('354 End data with <CR><LF>.<CR><LF>');
        } else if (verb === 'QUIT') {
          reply('221 2.0.0 Bye');
          socket.end();
        } else {
          // RSET, NOOP and anything else: fine.
          reply('250 OK');
        }
      }
    });
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });

  return {
    port: server.address().port,
    messages,
    /** The first message (already received or to come) that matches, or an error after timeoutMs. */
    waitFor(predicate, timeoutMs = 15_000) {
      const found = messages.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const waiter = { predicate, resolve };
        waiters.add(waiter);
        setTimeout(() => {
          if (!waiters.delete(waiter)) return;
          const seen = messages.map((m) => `${m.to.join(',')}: ${m.subject}`).join('\n') || '(none)';
          reject(new Error(`no matching e-mail after ${timeoutMs} ms; received:\n${seen}`));
        }, timeoutMs).unref();
      });
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** The first link of the message whose path starts with `prefix` ("/invitation/"), or null. */
export function linkIn(message, prefix) {
  const re = new RegExp(`https?://[^\\s"'<>]+${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^\\s"'<>)]+`);
  return re.exec(message.text)?.[0] ?? null;
}

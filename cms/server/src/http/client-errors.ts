import { STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';

/** Status and Strapi error name of each parse error Node's HTTP server reports, as Node itself maps them. */
const ANSWERS: Record<string, { status: number; name: string; message: string }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    name: 'RequestHeaderFieldsTooLargeError',
    message: 'The request line and headers are too large: shorten the URL (fewer or shorter query parameters) or the headers',
  },
  HPE_CHUNK_EXTENSIONS_OVERFLOW: { status: 413, name: 'PayloadTooLargeError', message: 'The chunk extensions of the request body are too large' },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, name: 'RequestTimeoutError', message: 'The request was not received in time' },
  // raw UTF-8 or spaces in the request line (curl 'https://…?q=αλληλεγγύη'): a URL is ASCII (RFC 3986 section 2)
  HPE_INVALID_URL: {
    status: 400,
    name: 'BadRequestError',
    message: 'The URL is not valid: percent-encode spaces and characters outside ASCII (q=%CE%B1 for q=α; curl -G --data-urlencode does it), RFC 3986 section 2.1',
  },
};
const BAD_REQUEST = { status: 400, name: 'BadRequestError', message: 'The request is not valid HTTP/1.1' };

/** The raw HTTP/1.1 answer to a request Node could not parse: Strapi's error format, not cached, connection closed. */
export const clientErrorResponse = (code: string | undefined): string => {
  const { status, name, message } = (code && ANSWERS[code]) || BAD_REQUEST;
  const body = JSON.stringify({ data: null, error: { status, name, message, details: {} } });
  return [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}`,
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Cache-Control: no-store',
    'X-Content-Type-Options: nosniff',
    'Connection: close',
    '',
    body,
  ].join('\r\n');
};

/**
 * Answers the requests Node's HTTP server rejects before Koa sees them (a URL or headers over
 * `maxHeaderSize`, 16 KB by default; a malformed request line; a request timeout) in Strapi's error
 * format, instead of Node's bare status line. The statuses are Node's own (lib/_http_server.js
 * `socketOnError`: 431, 413, 408, else 400), and as there nothing is written when the socket is gone
 * or an answer has begun. A listener replaces Node's default handling, so every case is covered here.
 */
export const answerClientErrors = (server: Server): void => {
  server.on('clientError', (error: Error & { code?: string }, socket: Duplex & { bytesWritten?: number }) => {
    if (error.code === 'ECONNRESET' || !socket.writable || (socket.bytesWritten ?? 0) > 0) {
      socket.destroy();
      return;
    }
    socket.end(clientErrorResponse(error.code));
  });
};

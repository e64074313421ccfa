// Requests a hostile client sends to the server: the penetration test's
// (issue 15) and their variants, for npm run bench:hostile and the
// end-to-end tests (tests/e2e/hostile-requests.test.ts).
import http from 'node:http';

export type RawAnswer = { status: number; body: string; error?: string };

/**
 * POSTs `body` as it is, with Content-Length or chunked (64 kB chunks) —
 * what fetch cannot control. Never throws: a broken connection is an answer
 * with status 0 and `error`.
 */
export function postRaw(url: string, headers: Record<string, string>, body: Buffer, options: { chunked?: boolean } = {}): Promise<RawAnswer> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (answer: RawAnswer) => {
      if (settled) return;
      settled = true;
      resolve(answer);
    };
    const req = http.request(
      url,
      { method: 'POST', agent: false, headers: options.chunked ? { ...headers, 'Transfer-Encoding': 'chunked' } : { ...headers, 'Content-Length': String(body.length) } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => settle({ status: res.statusCode ?? 0, body: text }));
        res.on('error', (error) => settle({ status: res.statusCode ?? 0, body: text, error: error.message }));
      },
    );
    req.on('error', (error) => settle({ status: 0, body: '', error: error.message }));
    if (!options.chunked) return void req.end(body);
    let offset = 0;
    const write = () => {
      while (offset < body.length) {
        const chunk = body.subarray(offset, (offset += 65536));
        if (!req.write(chunk)) return void req.once('drain', write);
      }
      req.end();
    };
    write();
  });
}

const BOUNDARY = '----hostile0123456789';

/** A multipart body of `fields`, as a browser's FormData would send it. */
export function multipart(fields: [name: string, value: string][]): { body: Buffer; contentType: string } {
  const parts = fields.map(([name, value]) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  return { body: Buffer.from(`${parts.join('')}--${BOUNDARY}--\r\n`), contentType: `multipart/form-data; boundary=${BOUNDARY}` };
}

/** An argument list nested `depth` arrays deep: the penetration test's request at 900,000 (1.8 MB). */
export function nestedArguments(depth: number): { body: Buffer; contentType: string } {
  return multipart([['0', '['.repeat(depth) + ']'.repeat(depth)]]);
}

/**
 * A list of `count` arguments (`[0,0,…]`), in a multipart body as React
 * sends a reply with files or forms in it, or as the body itself (text/plain)
 * as it sends one of plain values only.
 */
export function argumentList(count: number, as: 'multipart' | 'text' = 'multipart'): { body: Buffer; contentType: string } {
  const list = `[${'0,'.repeat(count - 1)}0]`;
  return as === 'multipart' ? multipart([['0', list]]) : { body: Buffer.from(list), contentType: 'text/plain;charset=UTF-8' };
}

/** A flat argument list of `bytes` bytes (`[0,0,…]`): the most array elements a body of that size carries. */
export function flatArguments(bytes: number): { body: Buffer; contentType: string } {
  return argumentList(Math.max(1, Math.floor((bytes - 2) / 2)));
}

/** The sign-in action's id, read from the sign-in page as anyone can. */
export async function signInActionId(base: string): Promise<string> {
  const html = await (await fetch(`${base}/admin/sign-in`)).text();
  const id = html.match(/&quot;id&quot;:&quot;([0-9a-f]{40,})&quot;/)?.[1];
  if (!id) throw new Error('no server action id on the sign-in page');
  return id;
}

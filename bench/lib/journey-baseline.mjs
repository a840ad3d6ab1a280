// The checkout journey's baseline: raw node:http answering the same three calls with fixed JSON,
// reading each request body as the shop must. What is left between the two is the shop's own work.
import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';

const server = createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    JSON.parse(body || '{}');
    let out;
    if (req.url === '/api/store/carts') out = { id: randomBytes(16).toString('base64url'), lines: [], itemCount: 0, subtotal: { amount: 0, currency: 'EUR' } };
    else if (req.url.endsWith('/lines')) out = { id: 'x', lines: [{ id: 1, quantity: 1 }], itemCount: 1, subtotal: { amount: 1800, currency: 'EUR' } };
    else out = { order: { id: 1, number: 1001, status: 'paid', total: { amount: 2390, currency: 'EUR' } }, payment: { provider: 'test', status: 'paid' } };
    const s = JSON.stringify(out);
    res.writeHead(201, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(s) });
    res.end(s);
  });
});
server.listen(0, '127.0.0.1', () => process.send?.({ port: server.address().port }));

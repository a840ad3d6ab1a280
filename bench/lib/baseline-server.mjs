// The baseline: a raw node:http server that sends the same bytes as the page being measured.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';

const [file, contentType] = process.argv.slice(2);
const body = readFileSync(file);
const server = createServer((req, res) => {
  res.writeHead(200, { 'content-type': contentType, 'content-length': body.length });
  res.end(body);
});
server.listen(0, '127.0.0.1', () => process.send?.({ port: server.address().port }));

import { createSocket } from 'node:dgram';
import { connect, createServer } from 'node:net';

/** Sends `count` UDP datagrams from one socket (one flow) to 127.0.0.1:port, spaced by `gapMs`. */
export async function sendUdp(port: number, count: number, gapMs = 5): Promise<number> {
  const s = createSocket('udp4');
  for (let i = 0; i < count; i++) {
    await new Promise<void>((resolve, reject) => s.send(Buffer.alloc(20 + i, 0x61), port, '127.0.0.1', (err) => (err ? reject(err) : resolve())));
    await new Promise((r) => setTimeout(r, gapMs));
  }
  const local = s.address().port;
  s.close();
  return local;
}

/** `count` TCP connections to an echo server on `port`: each sends a line, reads it back and closes. */
export async function tcpExchanges(port: number, count: number): Promise<void> {
  const server = createServer((c) => {
    c.on('data', (d) => c.write(d));
    c.on('end', () => c.end());
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  for (let i = 0; i < count; i++) {
    await new Promise<void>((resolve, reject) => {
      const c = connect(port, '127.0.0.1', () => c.write(`request ${i}\n`));
      c.once('data', () => c.end());
      c.on('close', () => resolve());
      c.on('error', reject);
    });
  }
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, type TLSSocket } from 'node:tls';
import { CotListener } from '../src/modules/tak/cot-listener';
import { makeCot, pingFeature, until } from './support/cot-client';
import { startTestApp, type TestApp } from './support/test-app';

/** A certificate authority, a server certificate for 127.0.0.1 and a client certificate, made with the openssl command. */
function makeCertificates(): { dir: string; ca: string; serverCert: string; serverKey: string; clientCert: string; clientKey: string } {
  const dir = mkdtempSync(join(tmpdir(), 'lintas-cot-tls-'));
  const file = (name: string) => join(dir, name);
  const openssl = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=Lintas test CA']);
  for (const [name, subject, extension] of [
    ['server', '/CN=127.0.0.1', 'subjectAltName=IP:127.0.0.1'],
    ['client', '/CN=ANDROID-TLS-1', 'extendedKeyUsage=clientAuth'],
  ] as const) {
    openssl(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', subject]);
    writeFileSync(file(`${name}.ext`), `${extension}\n`);
    openssl(['x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', `${name}.pem`, '-days', '2', '-extfile', `${name}.ext`]);
  }
  return { dir, ca: file('ca.pem'), serverCert: file('server.pem'), serverKey: file('server.key'), clientCert: file('client.pem'), clientKey: file('client.key') };
}

describe('TAK: the CoT listener over TLS with client certificates', () => {
  let t: TestApp;
  let port: number;
  let certs: ReturnType<typeof makeCertificates>;

  beforeAll(async () => {
    certs = makeCertificates();
    t = await startTestApp({ COT_PORT: '0', COT_HOST: '127.0.0.1', COT_TLS_CERT: certs.serverCert, COT_TLS_KEY: certs.serverKey, COT_TLS_CA: certs.ca });
    port = t.app.get(CotListener).port!;
  });

  afterAll(async () => {
    await t?.close();
  });

  const open = (withClientCertificate: boolean) =>
    new Promise<{ socket: TLSSocket; received: string[]; closed: () => boolean }>((resolve) => {
      const received: string[] = [];
      let closed = false;
      const socket = connect({
        host: '127.0.0.1',
        port,
        ca: readFileSync(certs.ca),
        ...(withClientCertificate ? { cert: readFileSync(certs.clientCert), key: readFileSync(certs.clientKey) } : {}),
      });
      socket.on('data', (chunk: Buffer) => received.push(chunk.toString('utf8')));
      socket.on('error', () => undefined);
      socket.on('close', () => (closed = true));
      socket.on('secureConnect', () => resolve({ socket, received, closed: () => closed }));
      socket.on('close', () => resolve({ socket, received, closed: () => true }));
    });

  it('answers a client that presents a certificate of the configured authority', async () => {
    const client = await open(true);
    const [ping] = await makeCot([pingFeature('ANDROID-TLS-1')]);
    client.socket.write(ping);
    await until('the pong over TLS', () => client.received.join('').includes('t-x-c-t-r'));
    client.socket.destroy();
  });

  it('refuses a client without a certificate', async () => {
    const client = await open(false);
    client.socket.write('<event/>');
    await until('the connection to close', () => client.closed());
    expect(client.received.join('')).not.toContain('t-x-c-t-r');
  });
});

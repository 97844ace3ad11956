import { dnsQuery, dnsResponse, httpGet, httpResponseHead } from './app-payloads';
import { dhcpMessage } from './dhcp-payload';
import { ipv4, mac } from './frame-builder';
import { Random } from './random';
import { ScenarioRecorder, type FlowTruth } from './scenario-recorder';
import { tlsHello } from './sessions';
import { TcpScript, type Peer } from './tcp-script';
import { sshTypist, telnetTypist, type TypingTruth } from './typing-sessions';

/** Wednesday 12 March 2025, 00:00 UTC. */
export const SCENARIO_DAY = Date.UTC(2025, 2, 12) / 1000;
const H = 3600;

export interface BehaviourTruth {
  flows: FlowTruth[];
  /** Host name → the MAC and addresses it used. */
  hosts: Record<'alice' | 'bob' | 'router' | 'scanner', { mac: string | null; ips: string[]; dhcpName: string | null }>;
  typing: { alice: TypingTruth; bob: TypingTruth };
  packets: number;
}

const peer = (text: string, m: number, host: string | null): Peer => ({ ip: ipv4(text), mac: mac(m), text, host });
const macText = (n: number) => [...mac(n)].map((b) => b.toString(16).padStart(2, '0')).join(':');
const bytes4 = (text: string) => new Uint8Array(text.split('.').map(Number));

/**
 * A small office with known behaviour, for the host-profile tests:
 *
 * - alice (MAC …a1, DHCP name alice-laptop): 09:00–09:10 UTC searches (Google),
 *   reads mail (Gmail) and types over SSH to a server in Japan at about 260
 *   characters a minute; renews her lease at 13:59 and comes back as
 *   192.168.1.23 to watch video (YouTube) at 14:00.
 * - bob (MAC …b2, bob-desktop): 22:00 reads the news over HTTP (BBC), syncs time
 *   (NTP), and logs in to the router over Telnet, typing at about 180 cpm.
 * - router (MAC …01, 192.168.1.1): DHCP and DNS server, the gateway.
 * - scanner (133.242.0.3, outside): at 22:30 probes five of bob's ports.
 *
 * The generator records every flow's ends, times, packets and bytes as it
 * writes them: that is the truth the tests check the profiles against.
 */
export function writeBehaviourScenario(path: string, seed = 7): BehaviourTruth {
  const r = new Random(seed);
  const rec = new ScenarioRecorder();
  const gw = 1;
  const router = peer('192.168.1.1', gw, 'router');
  const alice = peer('192.168.1.10', 0xa1, 'alice');
  const alice2 = peer('192.168.1.23', 0xa1, 'alice');
  const bob = peer('192.168.1.20', 0xb2, 'bob');
  const remote = (text: string) => peer(text, gw, null);
  const scanner = peer('133.242.0.3', gw, 'scanner');
  const broadcast: Peer = { ip: ipv4('255.255.255.255'), mac: new Uint8Array([255, 255, 255, 255, 255, 255]), text: '255.255.255.255', host: null };
  const unspecified = (m: number, host: string): Peer => ({ ip: 0, mac: mac(m), text: '0.0.0.0', host });

  const dhcp = (who: Peer & { host: string }, macN: number, name: string, t: number) => {
    const xid = r.int(1, 0xffffffff);
    const c = unspecified(macN, who.host);
    const discover = rec.flow(`${name}-dhcp-discover-${t}`, { clientHost: who.host, serverHost: null, clientIp: '0.0.0.0', serverIp: '255.255.255.255', proto: 'udp', clientPort: 68, serverPort: 67 });
    rec.emit(discover, true, t, rec.fb.udp(c, broadcast, 68, 67, dhcpMessage(1, xid, mac(macN), 1, name)));
    const offer = rec.flow(`${name}-dhcp-offer-${t}`, { clientHost: 'router', serverHost: null, clientIp: router.text, serverIp: '255.255.255.255', proto: 'udp', clientPort: 67, serverPort: 68 });
    rec.emit(offer, true, t + 0.01, rec.fb.udp(router, broadcast, 67, 68, dhcpMessage(2, xid, mac(macN), 2, null)));
  };
  const dns = (client: Peer, cport: number, name: string, answer: string, t: number) => {
    const f = rec.flow(`dns-${name}-${t}`, { clientHost: client.host, serverHost: 'router', clientIp: client.text, serverIp: router.text, proto: 'udp', clientPort: cport, serverPort: 53 });
    const id = r.int(0, 65535);
    rec.emit(f, true, t, rec.fb.udp(client, router, cport, 53, dnsQuery(id, name, 1)));
    rec.emit(f, false, t + 0.004, rec.fb.udp(router, client, 53, cport, dnsResponse(id, name, 1, [bytes4(answer)])));
  };
  const https = (client: Peer, cport: number, name: string, ip: string, t: number, download: number) => {
    dns(client, cport - 1, name, ip, t);
    const s = new TcpScript(rec, `https-${name}-${t}`, client, remote(ip), cport, 443, t + 0.01);
    const hello = tlsHello(r, { name, ip: remote(ip), alpn: ['h2'] }, true);
    let at = s.exchange(hello.client, hello.server.reduce((n, seg) => n + seg.length, 0), s.t + 0.001);
    for (let x = 0; x < 3; x++) at = s.exchange(400 + r.int(0, 200), Math.round(download / 3), at + 0.5 + r.next());
    s.close(at + 0.2);
  };

  // alice, morning.
  const day = SCENARIO_DAY;
  dhcp(alice as Peer & { host: string }, 0xa1, 'alice-laptop', day + 9 * H - 10);
  https(alice, 50001, 'www.google.com', '142.250.185.78', day + 9 * H + 10, 60_000);
  https(alice, 50011, 'mail.google.com', '212.58.244.22', day + 9 * H + 60, 150_000);
  const aliceTyping = sshTypist(rec, r, 'alice-ssh', alice, remote('202.12.27.33'), 50021, day + 9 * H + 120, 260, [
    'ls -la',
    'cd /var/log',
    'grep -i error syslog | tail -n 20',
    'uptime',
    'df -h /srv',
    'sudo systemctl status nginx',
    'less access.log',
    'cat big.log',
  ]);
  // alice, afternoon, with a new lease.
  dhcp(alice2 as Peer & { host: string }, 0xa1, 'alice-laptop', day + 14 * H - 10);
  https(alice2, 50101, 'www.youtube.com', '81.169.145.156', day + 14 * H + 5, 900_000);

  // bob, night.
  dhcp(bob as Peer & { host: string }, 0xb2, 'bob-desktop', day + 22 * H - 60);
  dns(bob, 40001, 'www.bbc.co.uk', '193.0.14.129', day + 22 * H);
  const news = new TcpScript(rec, 'bob-http', bob, remote('193.0.14.129'), 40002, 80, day + 22 * H + 0.05);
  news.close(news.exchange(httpGet('www.bbc.co.uk', '/news', 'Mozilla/5.0 flowsight-test'), new Uint8Array([...httpResponseHead(3000), ...new Uint8Array(3000).fill(120)]), news.t + 0.001) + 1);
  const ntp = rec.flow('bob-ntp', { clientHost: 'bob', serverHost: null, clientIp: bob.text, serverIp: '1.1.1.1', proto: 'udp', clientPort: 40123, serverPort: 123 });
  rec.emit(ntp, true, day + 22 * H + 300, rec.fb.udp(bob, remote('1.1.1.1'), 40123, 123, 48));
  rec.emit(ntp, false, day + 22 * H + 300.02, rec.fb.udp(remote('1.1.1.1'), bob, 123, 40123, 48));
  const bobTyping = telnetTypist(rec, r, 'bob-telnet', bob, router, 40200, day + 22 * H + 600, 180, 'bob', ['show ip route', 'show interfaces', 'ping 8.8.8.8', 'exit']);

  // The scan: each port answers (SYN-ACK) and the scanner resets the connection at once.
  [22, 80, 443, 3389, 8080].forEach((port, i) => {
    const s = new TcpScript(rec, `scan-${port}`, scanner, bob, 61000 + i, port, day + 22 * H + 1800 + i * 0.1, 0.08);
    s.reset(0, s.t + 0.001);
  });

  const packets = rec.write(path);
  return {
    flows: [...rec.flows.values()],
    hosts: {
      alice: { mac: macText(0xa1), ips: ['192.168.1.10', '192.168.1.23'], dhcpName: 'alice-laptop' },
      bob: { mac: macText(0xb2), ips: ['192.168.1.20'], dhcpName: 'bob-desktop' },
      router: { mac: macText(gw), ips: ['192.168.1.1'], dhcpName: null },
      scanner: { mac: null, ips: ['133.242.0.3'], dhcpName: null },
    },
    typing: { alice: aliceTyping, bob: bobTyping },
    packets,
  };
}

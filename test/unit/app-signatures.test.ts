import { describe, expect, it } from 'vitest';
import { AppSignatures } from '../../electron/flows/app-signatures';

const none = { sni: null, httpHost: null, dstName: null, dnsQuery: null };

describe('app signatures', () => {
  const sig = AppSignatures.load();

  it('matches the most specific domain suffix of the SNI', () => {
    expect(sig.identify({ ...none, sni: 'r4---sn-4g5e6nsz.googlevideo.com', proto: 'tcp', srcPort: 50000, dstPort: 443 })).toEqual({ app: 'YouTube', category: 'video' });
    expect(sig.identify({ ...none, sni: 'mail.google.com', proto: 'tcp', srcPort: 50000, dstPort: 443 })).toEqual({ app: 'Gmail', category: 'email' });
    expect(sig.identify({ ...none, sni: 'www.google.com', proto: 'tcp', srcPort: 50000, dstPort: 443 })).toEqual({ app: 'Google', category: 'search' });
  });

  it('falls back from SNI to HTTP host, DNS-learnt name, then ports', () => {
    expect(sig.identify({ ...none, httpHost: 'static.xx.fbcdn.net', proto: 'tcp', srcPort: 50000, dstPort: 80 })?.app).toBe('Facebook');
    expect(sig.identify({ ...none, dstName: 'edge-chat.whatsapp.net.', proto: 'tcp', srcPort: 50000, dstPort: 5222 })?.app).toBe('WhatsApp');
    expect(sig.identify({ ...none, sni: 'unknown.example', proto: 'tcp', srcPort: 50000, dstPort: 443 })?.app).toBe('HTTPS');
    expect(sig.identify({ ...none, proto: 'tcp', srcPort: 22, dstPort: 51000 })?.app).toBe('SSH');
    expect(sig.identify({ ...none, proto: 'udp', srcPort: 40000, dstPort: 40001 })).toBeNull();
  });

  it('calls a DNS flow DNS whatever it asks', () => {
    expect(sig.identify({ ...none, dnsQuery: 'www.netflix.com', proto: 'udp', srcPort: 40000, dstPort: 53 })).toEqual({ app: 'DNS', category: 'infrastructure' });
  });

  it('refuses a malformed signature file, naming the field', () => {
    expect(() => new AppSignatures({ version: 1, apps: [{ app: '', category: 'x', domains: [] }], ports: [] }, 'sig.json')).toThrow(/sig\.json: apps\.0\.app/);
  });
});

import type { FieldDef } from './field-def';

/** Metadata read from the first packets of a flow (deep inspection is capped per flow). */
export const applicationFields = [
  { name: 'app', label: 'App', type: 'text', group: 'application', since: 2, description: 'Coarse application identity from SNI, DNS and HTTP host signatures and ports (resources/app-signatures.json)' },
  { name: 'app_category', label: 'Category', type: 'text', group: 'application', since: 2, description: 'Service category of the app (search, social, video, messaging, cloud, …), from the same signature file' },
  { name: 'sni', label: 'SNI', type: 'text', group: 'application', since: 2, description: 'TLS server name from the ClientHello (QUIC: from the decrypted Initial)' },
  { name: 'alpn', label: 'ALPN', type: 'text', group: 'application', since: 2, description: "ALPN protocols offered by the client, comma-separated (the server's choice in alpn_server)" },
  { name: 'alpn_server', label: 'ALPN (server)', type: 'text', group: 'application', since: 2, description: 'ALPN protocol chosen in the ServerHello' },
  { name: 'tls_version', label: 'TLS version', type: 'text', group: 'application', since: 2, description: 'Negotiated TLS version (supported_versions in the ServerHello, else its legacy version)' },
  { name: 'tls_cipher', label: 'TLS cipher', type: 'text', group: 'application', since: 2, description: 'Cipher suite chosen by the server, as 0xNNNN' },
  { name: 'ja3', label: 'JA3', type: 'text', group: 'application', since: 2, description: 'JA3 hash of the ClientHello (GREASE excluded)' },
  { name: 'ja3s', label: 'JA3S', type: 'text', group: 'application', since: 2, description: 'JA3S hash of the ServerHello' },
  { name: 'ja4', label: 'JA4', type: 'text', group: 'application', since: 2, description: 'JA4 fingerprint of the ClientHello (t… for TLS over TCP, q… for QUIC)' },
  { name: 'quic_version', label: 'QUIC version', type: 'text', group: 'application', since: 2, description: 'QUIC version of the Initial packets, as 0xNNNNNNNN' },
  { name: 'http_host', label: 'HTTP host', type: 'text', group: 'application', since: 2, description: 'Host header of the first HTTP/1.x request' },
  { name: 'http_method', label: 'HTTP method', type: 'text', group: 'application', since: 2, description: 'Method of the first HTTP/1.x request' },
  { name: 'http_user_agent', label: 'User-Agent', type: 'text', group: 'application', since: 2, description: 'User-Agent of the first HTTP/1.x request' },
  { name: 'dns_query', label: 'DNS query', type: 'text', group: 'application', since: 2, description: 'Name asked in the first DNS query of a DNS flow' },
  { name: 'dns_qtype', label: 'DNS type', type: 'int', group: 'application', since: 2, description: 'Query type of that question (1 A, 28 AAAA, …)' },
  { name: 'dns_rcode', label: 'DNS rcode', type: 'int', group: 'application', since: 2, description: 'Response code of the first answer (0 NOERROR, 3 NXDOMAIN, …)' },
  { name: 'dhcp_hostname', label: 'DHCP hostname', type: 'text', group: 'application', since: 2, description: 'Client hostname (option 12) from a DHCP flow' },
  { name: 'dhcp_client_mac', label: 'DHCP client MAC', type: 'text', group: 'application', since: 2, description: 'Client hardware address (chaddr) from a DHCP flow' },
] as const satisfies readonly FieldDef[];

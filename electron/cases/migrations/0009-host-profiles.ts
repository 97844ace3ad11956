import type { Migration } from './migration';

/**
 * Host behaviour profiles and flow logs as evidence. Profiles are computed by a
 * job and stored, so the Hosts view opens without recomputing: one row per
 * host (and one for the whole case, key `case`) with the numbers the table
 * shows, and the full profile as JSON (shared/domain/hosts.ts). Interactive
 * SSH/Telnet flows keep their typing estimate. Evidence gets a kind: packet
 * captures, or flow records imported from logs (no packets).
 */
export const hostProfiles: Migration = {
  version: 9,
  name: 'host profiles, interactive sessions, evidence kind',
  up(db) {
    db.exec(`
      ALTER TABLE evidence ADD COLUMN kind TEXT NOT NULL DEFAULT 'capture';
      CREATE TABLE hosts (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        name TEXT,
        mac TEXT,
        ips TEXT NOT NULL,
        local INTEGER NOT NULL,
        flows INTEGER NOT NULL,
        packets REAL NOT NULL,
        bytes REAL NOT NULL,
        packets_sent REAL NOT NULL,
        packets_received REAL NOT NULL,
        bytes_sent REAL NOT NULL,
        bytes_received REAL NOT NULL,
        first_ts REAL,
        last_ts REAL,
        sessions INTEGER NOT NULL,
        peers INTEGER NOT NULL,
        unique_dst_ports INTEGER NOT NULL,
        apps INTEGER NOT NULL,
        top_app TEXT,
        top_category TEXT,
        countries INTEGER NOT NULL,
        interactive_sessions INTEGER NOT NULL,
        keystrokes INTEGER NOT NULL,
        typing_cpm REAL,
        profile TEXT NOT NULL
      );
      CREATE TABLE host_addresses (
        host_id INTEGER NOT NULL REFERENCES hosts(id) ON DELETE CASCADE,
        address TEXT NOT NULL,
        PRIMARY KEY (address, host_id)
      ) WITHOUT ROWID;
      CREATE TABLE interactive_sessions (
        flow_id INTEGER PRIMARY KEY REFERENCES flows(id) ON DELETE CASCADE,
        host_id INTEGER REFERENCES hosts(id) ON DELETE SET NULL,
        protocol TEXT NOT NULL,
        client TEXT NOT NULL,
        client_port INTEGER,
        server TEXT NOT NULL,
        server_port INTEGER,
        start REAL,
        duration REAL,
        keystrokes INTEGER NOT NULL,
        typing_seconds REAL NOT NULL,
        typing_cpm REAL,
        note TEXT
      );
      CREATE INDEX interactive_sessions_host ON interactive_sessions(host_id);
    `);
  },
};

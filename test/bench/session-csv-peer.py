"""The peer for `flowsight sessions-import`: the seed's stack (Python, SQLite)
doing the same work on the same file: parse the CSV, check each row's ranges,
classify it with the same rule baseline (shared/sessions/baseline.ts) and store
record and prediction in one transaction. Standard library only."""
import csv
import sqlite3
import sys
import time

PROTOCOLS = {p.lower(): p for p in ['HTTPS', 'SSH', 'FTP', 'TOR', 'Telnet', 'RDP', 'Other']}
CONFIDENCE = [('Normal', 0.9), ('Normal', 0.6), ('Suspicious', 0.6), ('Suspicious', 0.7), ('Suspicious', 0.8), ('Suspicious', 0.9)]


def classify(h, d, c, f, p, t):
    fired = [n for n, on in [
        ('night-login', h <= 5),
        ('failed-logins', f >= 3),
        ('anonymising-protocol', p == 'TOR'),
        ('machine-typing', t > 100),
        ('command-burst', c / max(d, 1) > 10),
    ] if on]
    pred, conf = CONFIDENCE[len(fired)]
    return pred, conf, ', '.join(fired) or 'no indicator'


def main(path, db_path):
    db = sqlite3.connect(db_path)
    # The case file's settings and indexes (migration 0006), so both store the same way.
    db.execute('PRAGMA journal_mode = WAL')
    db.execute('PRAGMA synchronous = NORMAL')
    db.execute('PRAGMA foreign_keys = ON')
    db.execute('CREATE TABLE records (id INTEGER PRIMARY KEY, line INTEGER, login_hour INTEGER, session_duration REAL, commands_count INTEGER, failed_logins INTEGER, protocol TEXT, typing_speed REAL, created_at REAL)')
    db.execute('CREATE TABLE predictions (id INTEGER PRIMARY KEY, record_id INTEGER REFERENCES records(id), prediction TEXT, confidence REAL, classifier TEXT, reason TEXT, created_at REAL)')
    db.execute('CREATE INDEX predictions_record ON predictions(record_id)')
    db.execute('CREATE INDEX predictions_created ON predictions(created_at)')
    ok = bad = 0
    now = time.time()
    with open(path, newline='', encoding='utf-8') as fh, db:
        rows = csv.reader(fh)
        header = [h.strip() for h in next(rows)]
        at = [header.index(n) for n in ['LoginHour', 'SessionDuration', 'CommandsCount', 'FailedLogins', 'Protocol', 'TypingSpeed']]
        for line, row in enumerate(rows, start=2):
            try:
                h, d, c, f = int(row[at[0]]), float(row[at[1]]), int(row[at[2]]), int(row[at[3]])
                p = PROTOCOLS[row[at[4]].strip().lower()]
                t = float(row[at[5]])
                if not (0 <= h <= 23) or d < 0 or c < 0 or f < 0 or t < 0:
                    raise ValueError('out of range')
            except (ValueError, KeyError, IndexError):
                bad += 1
                continue
            pred, conf, reason = classify(h, d, c, f, p, t)
            rid = db.execute('INSERT INTO records (line, login_hour, session_duration, commands_count, failed_logins, protocol, typing_speed, created_at) VALUES (?,?,?,?,?,?,?,?)', (line, h, d, c, f, p, t, now)).lastrowid
            db.execute('INSERT INTO predictions (record_id, prediction, confidence, classifier, reason, created_at) VALUES (?,?,?,?,?,?)', (rid, pred, conf, 'baseline:rules-v1', reason, now))
            ok += 1
    print(f'{ok} records, {bad} rejected', file=sys.stderr)


main(sys.argv[1], sys.argv[2])

// Durable object storage for the embedded cluster: SQLite (better-sqlite3) in WAL mode.
//
// One global resourceVersion counter that only goes up (as etcd's revision), every object kept as
// JSON, and a bounded log of changes so that watches can resume from a resourceVersion after a
// restart. Every write is one transaction committed before the API server answers, so an
// acknowledged write survives `kill -9` (WAL with synchronous=NORMAL is durable across a process
// crash; only an OS crash or power loss may lose the last transactions).

import Database from "better-sqlite3";
import fs from "node:fs";
import path from "node:path";
import type { KubeObject } from "../../lib/knative/types";
import type { ChangeType } from "../core/registry";

const FORMAT = "knative-console-embedded-cluster";
const SCHEMA_VERSION = "1";
/** How many changes are kept for watch resumption; older resourceVersions get 410 Expired. */
export const DEFAULT_CHANGE_LOG_SIZE = 20_000;

export interface StoredChange {
  rv: number;
  /** `group/version/resource`, `/v1/pods` for core. */
  api: string;
  type: ChangeType;
  object: KubeObject;
  oldObject?: KubeObject;
}

export class DataDirError extends Error {}

export interface ObjectStore {
  /** Loads every object of an api kind (at startup the registry keeps them in memory). */
  loadAll(): Map<string, Map<string, KubeObject>>;
  nextResourceVersion(): number;
  currentResourceVersion(): number;
  /** Applies the writes of one API call atomically. */
  commit(writes: Array<{ api: string; key: string; object: KubeObject | undefined; change: StoredChange }>): void;
  /** Changes with rv > since, oldest first, or "expired" when the log no longer reaches back that far. */
  changesSince(since: number): StoredChange[] | "expired";
  close(): void;
}

export function openSqliteStore(dataDir: string, opts: { changeLogSize?: number } = {}): ObjectStore {
  // The data dir holds Secrets and the cluster's credentials: its owner's only, as ~/.kube is.
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, "cluster.db");
  const existed = fs.existsSync(file);
  let db: Database.Database;
  try {
    db = new Database(file);
    fs.chmodSync(file, 0o600);
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    if (existed) checkFormat(db, file);
    else initSchema(db);
  } catch (err) {
    if (err instanceof DataDirError) throw err;
    throw new DataDirError(`${file} is not a usable embedded-cluster database: ${(err as Error).message}`);
  }
  return new SqliteStore(db, opts.changeLogSize ?? DEFAULT_CHANGE_LOG_SIZE);
}

function initSchema(db: Database.Database): void {
  db.exec(`
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE objects (api TEXT NOT NULL, key TEXT NOT NULL, json TEXT NOT NULL, PRIMARY KEY (api, key));
    CREATE TABLE changes (rv INTEGER PRIMARY KEY, api TEXT NOT NULL, type TEXT NOT NULL, json TEXT NOT NULL, old TEXT);
  `);
  const put = db.prepare("INSERT INTO meta (key, value) VALUES (?, ?)");
  put.run("format", FORMAT);
  put.run("schema", SCHEMA_VERSION);
  put.run("resourceVersion", "0");
}

function checkFormat(db: Database.Database, file: string): void {
  const hasMeta = db.prepare("SELECT name FROM sqlite_master WHERE type='table' AND name='meta'").get();
  const format = hasMeta ? (db.prepare("SELECT value FROM meta WHERE key='format'").get() as { value: string } | undefined) : undefined;
  if (format?.value !== FORMAT) {
    throw new DataDirError(`${file} was not written by the embedded cluster; refusing to use it (choose another --data-dir)`);
  }
  const schema = db.prepare("SELECT value FROM meta WHERE key='schema'").get() as { value: string } | undefined;
  if (schema?.value !== SCHEMA_VERSION) {
    throw new DataDirError(`${file} has storage schema ${schema?.value ?? "?"}, this version reads ${SCHEMA_VERSION}`);
  }
  const check = db.pragma("quick_check", { simple: true });
  if (check !== "ok") throw new DataDirError(`${file} is corrupt (${String(check)}); restore it or choose another --data-dir`);
}

class SqliteStore implements ObjectStore {
  private rv: number;
  private oldestLoggedRv: number;
  private readonly insertObject: Database.Statement;
  private readonly deleteObject: Database.Statement;
  private readonly insertChange: Database.Statement;
  private readonly trimChanges: Database.Statement;
  private readonly saveRv: Database.Statement;
  private readonly trimBatch: number;
  private readonly commitTx: (writes: Parameters<ObjectStore["commit"]>[0]) => void;

  constructor(
    private readonly db: Database.Database,
    private readonly changeLogSize: number,
  ) {
    this.trimBatch = Math.min(1000, Math.ceil(changeLogSize / 10));
    this.rv = Number((db.prepare("SELECT value FROM meta WHERE key='resourceVersion'").get() as { value: string }).value);
    const oldest = db.prepare("SELECT MIN(rv) AS rv FROM changes").get() as { rv: number | null };
    // With an empty log, every version up to now is "too old" except the current one.
    this.oldestLoggedRv = oldest.rv ?? this.rv + 1;
    this.insertObject = db.prepare("INSERT OR REPLACE INTO objects (api, key, json) VALUES (?, ?, ?)");
    this.deleteObject = db.prepare("DELETE FROM objects WHERE api = ? AND key = ?");
    this.insertChange = db.prepare("INSERT INTO changes (rv, api, type, json, old) VALUES (?, ?, ?, ?, ?)");
    this.trimChanges = db.prepare("DELETE FROM changes WHERE rv < ?");
    this.saveRv = db.prepare("UPDATE meta SET value = ? WHERE key = 'resourceVersion'");
    this.commitTx = db.transaction((writes: Parameters<ObjectStore["commit"]>[0]) => {
      let maxRv = this.rv;
      for (const w of writes) {
        if (w.object) this.insertObject.run(w.api, w.key, JSON.stringify(w.object));
        else this.deleteObject.run(w.api, w.key);
        const c = w.change;
        this.insertChange.run(c.rv, c.api, c.type, JSON.stringify(c.object), c.oldObject ? JSON.stringify(c.oldObject) : null);
        maxRv = Math.max(maxRv, c.rv);
      }
      this.saveRv.run(String(maxRv));
      // Trim in batches so the log stays bounded without a delete on every write.
      if (maxRv - this.oldestLoggedRv > this.changeLogSize + this.trimBatch) {
        this.oldestLoggedRv = maxRv - this.changeLogSize;
        this.trimChanges.run(this.oldestLoggedRv);
      }
    });
  }

  loadAll(): Map<string, Map<string, KubeObject>> {
    const byApi = new Map<string, Map<string, KubeObject>>();
    for (const row of this.db.prepare("SELECT api, key, json FROM objects").iterate() as Iterable<{ api: string; key: string; json: string }>) {
      let m = byApi.get(row.api);
      if (!m) byApi.set(row.api, (m = new Map()));
      m.set(row.key, JSON.parse(row.json) as KubeObject);
    }
    return byApi;
  }

  nextResourceVersion(): number {
    return ++this.rv;
  }

  currentResourceVersion(): number {
    return this.rv;
  }

  commit(writes: Parameters<ObjectStore["commit"]>[0]): void {
    if (writes.length === 0) return;
    if (this.oldestLoggedRv > this.rv) this.oldestLoggedRv = writes[0]!.change.rv;
    this.commitTx(writes);
  }

  changesSince(since: number): StoredChange[] | "expired" {
    if (since >= this.rv) return [];
    if (since + 1 < this.oldestLoggedRv) return "expired";
    const rows = this.db.prepare("SELECT rv, api, type, json, old FROM changes WHERE rv > ? ORDER BY rv").all(since) as Array<{
      rv: number;
      api: string;
      type: ChangeType;
      json: string;
      old: string | null;
    }>;
    return rows.map((r) => ({
      rv: r.rv,
      api: r.api,
      type: r.type,
      object: JSON.parse(r.json) as KubeObject,
      ...(r.old ? { oldObject: JSON.parse(r.old) as KubeObject } : {}),
    }));
  }

  close(): void {
    this.db.close();
  }
}

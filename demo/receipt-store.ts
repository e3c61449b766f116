import Database from 'better-sqlite3';
import type { Receipt } from '@terms-gate/bundle';

export interface StoredReceipt {
  id: number;
  account: string;
  bundleId: string;
  version: string;
  outcome: string;
  bundleDigest: string;
  decidedAt: string;
  verified: boolean;
  problems: string[];
  receipt: Receipt;
  storedAt: string;
}

interface Row {
  id: number;
  account: string;
  bundle_id: string;
  version: string;
  outcome: string;
  bundle_digest: string;
  decided_at: string;
  verified: number;
  problems: string;
  receipt: string;
  stored_at: string;
}

/** What the demo server needs of a receipt store. */
export interface ReceiptStorage {
  add(account: string, receipt: Receipt, verification: { ok: boolean; problems: string[] }, storedAt?: Date): StoredReceipt;
  list(limit?: number): StoredReceipt[];
  close(): void;
}

/**
 * Keeps receipts in memory, for a machine where the SQLite add-on could not be built: the demo
 * still runs end to end, and says so when it starts.
 */
export class MemoryReceiptStore implements ReceiptStorage {
  #rows: StoredReceipt[] = [];

  add(account: string, receipt: Receipt, verification: { ok: boolean; problems: string[] }, storedAt = new Date()): StoredReceipt {
    const text = (value: unknown) => (typeof value === 'string' ? value : '');
    const row: StoredReceipt = {
      id: this.#rows.length + 1,
      account,
      bundleId: text(receipt.bundle?.id),
      version: text(receipt.bundle?.version),
      outcome: text(receipt.outcome),
      bundleDigest: text(receipt.bundle?.digest),
      decidedAt: text(receipt.decidedAt),
      verified: verification.ok,
      problems: verification.problems,
      receipt: structuredClone(receipt),
      storedAt: storedAt.toISOString(),
    };
    this.#rows.push(row);
    return row;
  }

  list(limit = 100): StoredReceipt[] {
    return this.#rows.slice(-limit).reverse();
  }

  close(): void {
    this.#rows = [];
  }
}

/**
 * Where the demo keeps receipts: one SQLite table, the receipt kept whole (as JSON) next to the
 * columns a back office would search by. A real product would also keep the bundle it names.
 */
export class ReceiptStore implements ReceiptStorage {
  private readonly db: Database.Database;

  constructor(path = ':memory:') {
    try {
      this.db = new Database(path);
    } catch (error) {
      // better-sqlite3 is a native add-on: without a prebuilt binary it is compiled at install time.
      throw new Error(
        `SQLite is not available (${error instanceof Error ? error.message.split('\n')[0] : String(error)}). ` +
          'Reinstall with a C++ toolchain, and offline with npm_config_nodedir pointing at the Node headers (e.g. /usr).',
      );
    }
    this.db.pragma('journal_mode = WAL');
    this.db.exec(`CREATE TABLE IF NOT EXISTS receipts (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      account TEXT NOT NULL,
      bundle_id TEXT NOT NULL,
      version TEXT NOT NULL,
      outcome TEXT NOT NULL,
      bundle_digest TEXT NOT NULL,
      decided_at TEXT NOT NULL,
      verified INTEGER NOT NULL,
      problems TEXT NOT NULL,
      receipt TEXT NOT NULL,
      stored_at TEXT NOT NULL
    )`);
  }

  add(account: string, receipt: Receipt, verification: { ok: boolean; problems: string[] }, storedAt = new Date()): StoredReceipt {
    const result = this.db
      .prepare(
        `INSERT INTO receipts (account, bundle_id, version, outcome, bundle_digest, decided_at, verified, problems, receipt, stored_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      // A receipt that failed verification may lack any field: it is stored as received, with blanks.
      .run(account, text(receipt.bundle?.id), text(receipt.bundle?.version), text(receipt.outcome), text(receipt.bundle?.digest), text(receipt.decidedAt), verification.ok ? 1 : 0, JSON.stringify(verification.problems), JSON.stringify(receipt), storedAt.toISOString());
    return this.get(Number(result.lastInsertRowid))!;
  }

  get(id: number): StoredReceipt | undefined {
    const row = this.db.prepare('SELECT * FROM receipts WHERE id = ?').get(id) as Row | undefined;
    return row && fromRow(row);
  }

  /** Newest first. */
  list(limit = 100): StoredReceipt[] {
    return (this.db.prepare('SELECT * FROM receipts ORDER BY id DESC LIMIT ?').all(limit) as Row[]).map(fromRow);
  }

  close(): void {
    this.db.close();
  }
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

function fromRow(row: Row): StoredReceipt {
  return {
    id: row.id,
    account: row.account,
    bundleId: row.bundle_id,
    version: row.version,
    outcome: row.outcome,
    bundleDigest: row.bundle_digest,
    decidedAt: row.decided_at,
    verified: row.verified === 1,
    problems: JSON.parse(row.problems) as string[],
    receipt: JSON.parse(row.receipt) as Receipt,
    storedAt: row.stored_at,
  };
}

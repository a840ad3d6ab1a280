import { randomBytes } from 'node:crypto';

// The counters behind admission control: who is admitted until when, who waits in which order, which
// tickets were already used. Every decision is one call, so a shared store (Redis, a later issue) can make
// each of them atomic in a script; this in-memory version serves one process.

export type QueueMode = 'auto' | 'on' | 'off';

export type TicketClaim = { number: number; issuedAt: number };

export type EnterRequest = {
  now: number;
  /** Concurrent admissions allowed now: 0 when the server is overloaded. */
  capacity: number;
  mode: QueueMode;
  /** A correctly signed ticket of this store's epoch, or null for a shopper who has none. */
  ticket: TicketClaim | null;
  /** The admission to record if this shopper gets in. */
  admission: { id: string; until: number };
};

export type EnterResult =
  | { admitted: true; fromTicket: boolean }
  | { admitted: false; ticket: TicketClaim; position: number; issued: boolean; reused: boolean };

export type TicketStatus = { position: number | null; active: number };

export type StoreStats = { active: number; waiting: number; admittedLastMinute: number };

export interface AdmissionStore {
  /** Ticket numbers restart with a new epoch (a restart of the in-memory store): older tickets are not honoured. */
  readonly epoch: string;
  enter(req: EnterRequest): Promise<EnterResult>;
  /** Extends an admission to `until`; with `create`, records it if unknown. False when unknown (and not created) or expired. */
  renew(id: string, until: number, now: number, create: boolean): Promise<boolean>;
  release(id: string): Promise<void>;
  /** A waiting ticket's place in line (1 = next), noting that its holder is still there; null once it was used. */
  ticketStatus(ticket: TicketClaim, now: number): Promise<TicketStatus>;
  /** Takes a waiting ticket out of line without using it (its holder has nothing left to buy): it rejoins at its number when shown again. */
  stepAside(ticket: TicketClaim): Promise<void>;
  stats(now: number): Promise<StoreStats>;
  /** The merchant's runtime choice; null means the configured mode. */
  modeOverride(): Promise<QueueMode | null>;
  setModeOverride(mode: QueueMode | null): Promise<void>;
}

export type MemoryStoreOptions = {
  /** A waiting ticket not seen (page refresh, status poll) for this long stops holding up the line. */
  idleTicketMs?: number;
  /** How long a ticket is honoured after it was issued. */
  ticketMaxAgeMs?: number;
};

export const IDLE_TICKET_MS = 90_000;
export const TICKET_MAX_AGE_MS = 2 * 3_600_000;
const SWEEP_EVERY_MS = 1_000;

export function createMemoryAdmissionStore(opts: MemoryStoreOptions = {}): AdmissionStore {
  const idleMs = opts.idleTicketMs ?? IDLE_TICKET_MS;
  const maxAgeMs = opts.ticketMaxAgeMs ?? TICKET_MAX_AGE_MS;
  const epoch = randomBytes(4).toString('hex');

  const admissions = new Map<string, number>(); // id -> until
  /** Live waiting ticket numbers, ascending: a place in line is a binary search. */
  let waiting: number[] = [];
  const lastSeen = new Map<number, number>();
  const used = new Map<number, number>(); // ticket number -> issuedAt, to refuse a second use
  let lastNumber = 0;
  let mode: QueueMode | null = null;
  // Admissions per second over the last minute, in a ring of 60 one-second buckets.
  const buckets = new Array<number>(60).fill(0);
  const bucketSecond = new Array<number>(60).fill(-1);
  let lastSweep = -Infinity;

  /** Index of the first waiting number >= n. */
  function lowerBound(n: number): number {
    let lo = 0;
    let hi = waiting.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (waiting[mid]! < n) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  function sweep(now: number): void {
    // Expired admissions and idle tickets go at most once a second: the counts lag by under a second.
    if (now - lastSweep < SWEEP_EVERY_MS && now >= lastSweep) return;
    lastSweep = now;
    for (const [id, until] of admissions) if (until <= now) admissions.delete(id);
    if (waiting.some((n) => lastSeen.get(n)! < now - idleMs)) {
      waiting = waiting.filter((n) => {
        const keep = lastSeen.get(n)! >= now - idleMs;
        if (!keep) lastSeen.delete(n);
        return keep;
      });
    }
    for (const [n, issuedAt] of used) if (issuedAt < now - maxAgeMs) used.delete(n);
  }

  /** Puts a ticket (back) in line at its number: a holder who stepped away keeps their place. */
  function seen(n: number, now: number): void {
    if (!lastSeen.has(n)) waiting.splice(lowerBound(n), 0, n);
    lastSeen.set(n, now);
  }

  function admit(id: string, until: number, now: number): void {
    admissions.set(id, until);
    const second = Math.floor(now / 1000);
    const i = second % 60;
    if (bucketSecond[i] !== second) {
      bucketSecond[i] = second;
      buckets[i] = 0;
    }
    buckets[i]!++;
  }

  function leaveLine(n: number, issuedAt: number): void {
    if (lastSeen.delete(n)) waiting.splice(lowerBound(n), 1);
    used.set(n, issuedAt);
  }

  function issue(now: number): TicketClaim {
    const t = { number: ++lastNumber, issuedAt: now };
    waiting.push(t.number);
    lastSeen.set(t.number, now);
    return t;
  }

  const positionOf = (n: number) => lowerBound(n) + 1;

  return {
    epoch,

    async enter({ now, capacity, mode, ticket, admission }) {
      sweep(now);
      if (mode === 'off') {
        admit(admission.id, admission.until, now);
        if (ticket) leaveLine(ticket.number, ticket.issuedAt);
        return { admitted: true, fromTicket: !!ticket };
      }
      const free = capacity - admissions.size;
      if (ticket) {
        if (used.has(ticket.number)) {
          const fresh = issue(now);
          return { admitted: false, ticket: fresh, position: positionOf(fresh.number), issued: true, reused: true };
        }
        seen(ticket.number, now);
        const position = positionOf(ticket.number);
        if (position <= free) {
          leaveLine(ticket.number, ticket.issuedAt);
          admit(admission.id, admission.until, now);
          return { admitted: true, fromTicket: true };
        }
        return { admitted: false, ticket, position, issued: false, reused: false };
      }
      // First come, first served: nobody new walks past someone already waiting.
      if (mode === 'auto' && waiting.length === 0 && free > 0) {
        admit(admission.id, admission.until, now);
        return { admitted: true, fromTicket: false };
      }
      const fresh = issue(now);
      return { admitted: false, ticket: fresh, position: positionOf(fresh.number), issued: true, reused: false };
    },

    async renew(id, until, now, create) {
      const current = admissions.get(id);
      if (current !== undefined && current > now) {
        admissions.set(id, Math.max(current, until));
        return true;
      }
      if (!create) return false;
      admissions.set(id, until);
      return true;
    },

    async release(id) {
      admissions.delete(id);
    },

    async ticketStatus(ticket, now) {
      sweep(now);
      if (used.has(ticket.number)) return { position: null, active: admissions.size };
      seen(ticket.number, now);
      return { position: positionOf(ticket.number), active: admissions.size };
    },

    async stepAside(ticket) {
      if (lastSeen.delete(ticket.number)) waiting.splice(lowerBound(ticket.number), 1);
    },

    async stats(now) {
      sweep(now);
      const second = Math.floor(now / 1000);
      let admittedLastMinute = 0;
      for (let i = 0; i < 60; i++) if (second - bucketSecond[i]! < 60 && bucketSecond[i]! <= second) admittedLastMinute += buckets[i]!;
      return { active: admissions.size, waiting: waiting.length, admittedLastMinute };
    },

    async modeOverride() {
      return mode;
    },

    async setModeOverride(m) {
      mode = m;
    },
  };
}

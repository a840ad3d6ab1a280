/** Timestamps are ISO-8601 UTC strings: they sort as text and read the same on every database. */
export const nowIso = (): string => new Date().toISOString();

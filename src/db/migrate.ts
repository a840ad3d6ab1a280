import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Connection } from './connection.ts';
import { catalogMigration } from './migrations/001-catalog.ts';
import { inventoryAndStaffMigration } from './migrations/002-inventory-staff.ts';
import { buyingMigration } from './migrations/003-buying.ts';
import { customersMigration } from './migrations/004-customers.ts';

// Versioned, in order, never edited once released: add a new file for every change.
function migrations(conn: Connection): Record<string, Migration> {
  return {
    '001-catalog': catalogMigration(conn.dialect),
    '002-inventory-staff': inventoryAndStaffMigration(conn.dialect),
    '003-buying': buyingMigration(conn.dialect),
    '004-customers': customersMigration(conn.dialect),
  };
}

export async function migrateToLatest(conn: Connection): Promise<string[]> {
  const provider: MigrationProvider = { getMigrations: async () => migrations(conn) };
  const migrator = new Migrator({ db: conn.db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

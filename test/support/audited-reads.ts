import { permissions, type Permission } from '../../shared/permissions'

/**
 * The store's tables (JSON of harness `dump`) without the audit entries of `action` when it is an audited read
 * (`auditReads`: report.get, township.export), whose one write is its own record of being read. Tests that a read
 * changes nothing compare what is left.
 */
export function withoutOwnReadEntries(tables: string, action: string): string {
  if ((permissions as Record<string, Permission>)[action]?.auditReads !== true) return tables
  const parsed = JSON.parse(tables) as Record<string, string[]>
  parsed.audit = (parsed.audit ?? []).filter((row) => (JSON.parse(row) as { action: string }).action !== action)
  return JSON.stringify(parsed)
}

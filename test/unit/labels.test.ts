import { permissions, type Permission } from '../../shared/permissions'
import { otherAuditLabels, writeLabels } from '../../shared/write-labels'

describe("the audit log's words", () => {
  it('name every write action in Chinese', () => {
    const writes = Object.entries(permissions)
      .filter(([, p]) => p.writes)
      .map(([action]) => action)
    for (const action of writes) expect([action, writeLabels[action]]).toEqual([action, expect.stringMatching(/^[\u4e00-\u9fff]+$/)])
    expect(Object.keys(writeLabels).sort()).toEqual(writes.sort())
  })

  it('name every audited read in Chinese, apart from the writes', () => {
    const reads = Object.entries(permissions as Record<string, Permission>)
      .filter(([, p]) => p.auditReads)
      .map(([action]) => action)
    expect(reads.length).toBeGreaterThan(0)
    for (const action of reads) expect([action, otherAuditLabels[action]]).toEqual([action, expect.stringMatching(/^[\u4e00-\u9fff]+$/)])
    for (const action of Object.keys(otherAuditLabels)) expect(writeLabels[action]).toBeUndefined()
  })
})

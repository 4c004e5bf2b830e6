import { permissions } from '../../shared/permissions'
import { writeLabels } from '../../shared/write-labels'

describe('the audit log\'s words', () => {
  it('name every write action in Chinese', () => {
    const writes = Object.entries(permissions).filter(([, p]) => p.writes).map(([action]) => action)
    for (const action of writes) expect([action, writeLabels[action]]).toEqual([action, expect.stringMatching(/^[\u4e00-\u9fff]+$/)])
    expect(Object.keys(writeLabels).sort()).toEqual(writes.sort())
  })
})

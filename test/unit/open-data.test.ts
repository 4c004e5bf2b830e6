// Reading the group out of cloud.getOpenData's answer (cloudfunctions/core/open-data.ts), and the dev-mode fake.
import { devOpenData, groupKeyOf, opengidOf } from '../../cloudfunctions/core/open-data'

describe('the opengid in an item of cloud.getOpenData', () => {
  it('is read from the documented { cloudID, data } shape, or a bare { opengid }', () => {
    expect(opengidOf({ cloudID: '27_abc', data: { opengid: 'G1' } })).toBe('G1')
    expect(opengidOf({ opengid: 'G2' })).toBe('G2')
    expect(opengidOf({ cloudID: '27_abc', data: null, opengid: 'G3' })).toBe('G3')
  })

  it('is null for other open data, errors and nonsense', () => {
    expect(opengidOf({ cloudID: '27_abc', data: { stepInfoList: [] } })).toBeNull()
    expect(opengidOf({ cloudID: '27_abc', data: { opengid: '' } })).toBeNull()
    expect(opengidOf({ errCode: -1 })).toBeNull()
    expect(opengidOf(undefined)).toBeNull()
    expect(opengidOf('G3')).toBeNull()
  })
})

describe('the dev-mode fake', () => {
  it('resolves dev-group:<name> to a group of its own, and nothing else', async () => {
    expect(await devOpenData.groupOf('dev-group:一组')).toEqual({ opengid: 'dev-opengid:一组' })
    expect(await devOpenData.groupOf('dev-group:二组')).not.toEqual(await devOpenData.groupOf('dev-group:一组'))
    expect(await devOpenData.groupOf('dev-group:')).toBeNull()
    expect(await devOpenData.groupOf('27_real-cloud-id')).toBeNull()
  })

  it('keys a group by a one-way hash, never the opengid itself', () => {
    expect(groupKeyOf('G1')).toMatch(/^[0-9a-f]{64}$/)
    expect(groupKeyOf('G1')).not.toContain('G1')
    expect(groupKeyOf('G1')).not.toBe(groupKeyOf('G2'))
  })
})

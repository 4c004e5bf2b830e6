import { decodeScene, villageFromQuery } from '../../miniprogram/src/packages/disclosure/public/scene'

describe('the village of a public page opened from a mini-program code', () => {
  it('takes villageId first', () => {
    expect(villageFromQuery({ villageId: 'vl_1', scene: 'vl_2' })).toBe('vl_1')
  })

  it('decodes the scene from the page query (WeChat passes it URI-encoded)', () => {
    expect(villageFromQuery({ scene: 'vl%3Aabc' })).toBe('vl:abc')
    expect(villageFromQuery({ scene: encodeURIComponent('vl_石桥') })).toBe('vl_石桥')
  })

  it('decodes the scene from the launch options when the page query has none', () => {
    expect(villageFromQuery({}, 'vl%3Aabc')).toBe('vl:abc')
  })

  it('keeps a plain id as it is, and a malformed encoding does not throw', () => {
    expect(villageFromQuery({ scene: 'vl_abc123' })).toBe('vl_abc123')
    expect(decodeScene('vl_%E0%A4%A')).toBe('vl_%E0%A4%A')
  })

  it('is empty when there is nothing to go on', () => {
    expect(villageFromQuery({})).toBe('')
  })
})

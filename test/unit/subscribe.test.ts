import { thingValue } from '../../shared/subscribe'

describe('thingValue: a subscribe message thing value, at most 20 characters', () => {
  it('keeps short text as it is', () => {
    expect(thingValue('石桥村公告')).toBe('石桥村公告')
  })

  it('cuts long text to 20 characters', () => {
    const text = '石桥村评议连续不满意超标请介入石桥村评议连续不满意'
    expect(Array.from(thingValue(text))).toHaveLength(20)
    expect(thingValue(text)).toBe(text.slice(0, 20))
  })

  it('never splits an emoji or a CJK character outside the BMP', () => {
    // 19 BMP characters, then characters of two UTF-16 units each: 𠀀 (U+20000) and 🎉.
    const text = '一二三四五六七八九十一二三四五六七八九' + '𠀀🎉'
    expect(text.slice(0, 20)).not.toBe('一二三四五六七八九十一二三四五六七八九𠀀') // the old cut: half of 𠀀
    expect(thingValue(text)).toBe('一二三四五六七八九十一二三四五六七八九𠀀')
    expect(thingValue('🎉'.repeat(25))).toBe('🎉'.repeat(20))
    // no lone surrogate anywhere
    expect(thingValue('a' + '🎉'.repeat(25))).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/)
  })
})

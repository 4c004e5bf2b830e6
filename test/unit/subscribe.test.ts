import { afterConsent, afterSend, canSend, consentStatus, subscriptionIdOf, templateIdVariable, templateKindOf, thingValue, topicOf, topicOfSubject } from '../../shared/subscribe'

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

describe('consents to subscribe messages', () => {
  it('with a one-time template: each "allow" adds one message, each message spends one, none is sent on zero', () => {
    const first = afterConsent(null, 'one-time')
    expect(first).toEqual({ remaining: 1, longTerm: false })
    const second = afterConsent(first, 'one-time')
    expect(second).toEqual({ remaining: 2, longTerm: false })
    expect(afterSend(second)).toEqual({ remaining: 1 })
    expect(canSend({ remaining: 1 })).toBe(true)
    expect(canSend({ remaining: 0 })).toBe(false)
    expect(canSend(null)).toBe(false)
  })

  it('with a long-term template: one "allow" covers every message, and sending writes nothing', () => {
    const consent = afterConsent({ remaining: 0 }, 'long-term')
    expect(consent).toEqual({ remaining: 0, longTerm: true })
    expect(canSend(consent)).toBe(true)
    expect(afterSend(consent)).toBeNull()
    // A one-time "allow" after a change of template counts again.
    expect(afterConsent(consent, 'one-time')).toEqual({ remaining: 1, longTerm: false })
  })

  it('status: how many messages are left, or 长期 for a long-term consent; old records read as one-time announcements', () => {
    expect(consentStatus(null)).toEqual({ subscribed: false, longTerm: false, remaining: 0 })
    expect(consentStatus({ remaining: 2 })).toEqual({ subscribed: true, longTerm: false, remaining: 2 })
    expect(consentStatus({ remaining: 0 })).toEqual({ subscribed: false, longTerm: false, remaining: 0 })
    expect(consentStatus({ remaining: 0, longTerm: true })).toEqual({ subscribed: true, longTerm: true, remaining: 0 })
    expect(topicOf({})).toBe('announcement')
    expect(topicOf({ topic: 'escalation' })).toBe('escalation')
  })

  it('keeps the announcement record where it was (the personId) and gives escalation its own', () => {
    expect(subscriptionIdOf('p-1', 'announcement')).toBe('p-1')
    expect(subscriptionIdOf('p-1', 'escalation')).toBe('p-1:escalation')
  })
})

describe('template settings per topic', () => {
  it('are long-term only when the deploy says so', () => {
    expect(templateKindOf('escalation', {})).toBe('one-time')
    expect(templateKindOf('escalation', { ESCALATION_TEMPLATE_KIND: 'long-term' })).toBe('long-term')
    expect(templateKindOf('announcement', { ESCALATION_TEMPLATE_KIND: 'long-term' })).toBe('one-time')
    expect(templateKindOf('announcement', { NOTICE_TEMPLATE_KIND: ' long-term ' })).toBe('long-term')
    expect(templateKindOf('announcement', { NOTICE_TEMPLATE_KIND: 'yes' })).toBe('one-time')
  })

  it('send each message with the template of its topic', () => {
    expect(templateIdVariable(topicOfSubject('escalation:es-1'))).toBe('ESCALATION_TEMPLATE_ID')
    expect(templateIdVariable(topicOfSubject('announcement:an-1'))).toBe('NOTICE_TEMPLATE_ID')
  })
})

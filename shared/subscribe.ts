/**
 * WeChat subscribe messages limit a `thing` value to 20 characters
 * (https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/sendMessage.html).
 * Cut by characters (code points), never by UTF-16 units, so an emoji or a rare
 * CJK character outside the BMP is never split into half a surrogate pair.
 */
export function thingValue(text: string, max = 20): string {
  const chars = Array.from(text)
  return chars.length <= max ? text : chars.slice(0, max).join('')
}

/**
 * What a person can be reminded of by a WeChat subscribe message: announcements (villagers) and
 * escalation cases (township staff). Each topic has its own template, so its own consent.
 */
export const subscribeTopics = ['announcement', 'escalation'] as const
export type SubscribeTopic = (typeof subscribeTopics)[number]

/**
 * One-time templates: each "allow" on the prompt pays for one message. Long-term templates
 * (长期订阅消息, open only to 政务民生、医疗、交通、金融、教育 and other offline public services,
 * https://developers.weixin.qq.com/miniprogram/dev/framework/open-ability/subscribe-message-overview.html):
 * one "allow", then many messages until the person turns it off in WeChat's settings.
 */
export const templateKinds = ['one-time', 'long-term'] as const
export type TemplateKind = (typeof templateKinds)[number]

/** Deploy settings (function environment variables) per topic: template id and its kind. */
const envPrefix: Record<SubscribeTopic, string> = { announcement: 'NOTICE', escalation: 'ESCALATION' }
export const templateIdVariable = (topic: SubscribeTopic) => `${envPrefix[topic]}_TEMPLATE_ID`
export const templateKindVariable = (topic: SubscribeTopic) => `${envPrefix[topic]}_TEMPLATE_KIND`

/** The kind a deploy set for the topic's template; anything but `long-term` is one-time, the safe reading. */
export function templateKindOf(topic: SubscribeTopic, env: Readonly<Record<string, string | undefined>>): TemplateKind {
  return env[templateKindVariable(topic)]?.trim() === 'long-term' ? 'long-term' : 'one-time'
}

/** The outbox subject names what a message is about (`escalation:<id>`, `announcement:<id>`), so its template. */
export function topicOfSubject(subject: string): SubscribeTopic {
  return subject.startsWith('escalation:') ? 'escalation' : 'announcement'
}

/**
 * A person's consent record for a topic. Announcements keep the id they had before topics
 * existed (the personId), so old records and the reminder's look-up by person still work.
 */
export const subscriptionIdOf = (personId: string, topic: SubscribeTopic) => (topic === 'announcement' ? personId : `${personId}:${topic}`)

/** The consent part of a subscription record; `topic` and `longTerm` are absent on records from before them. */
export interface Consent {
  topic?: SubscribeTopic
  remaining: number
  longTerm?: boolean
}

export const topicOf = (s: Pick<Consent, 'topic'>): SubscribeTopic => s.topic ?? 'announcement'

/** Each caller has one topic: township staff are told of escalation cases, everyone else of announcements. */
export const topicOfRole = (role: string): SubscribeTopic => (role === 'township' ? 'escalation' : 'announcement')

/** After one more "allow": a one-time template adds a message; a long-term one covers all from now on. */
export function afterConsent(current: Consent | null, kind: TemplateKind): { remaining: number; longTerm: boolean } {
  const remaining = current?.remaining ?? 0
  return kind === 'long-term' ? { remaining, longTerm: true } : { remaining: remaining + 1, longTerm: false }
}

/** Whether a message may be sent on this consent. */
export const canSend = (s: Consent | null): boolean => s !== null && (s.longTerm === true || s.remaining > 0)

/** What sending one message leaves: one fewer for one-time consents; a long-term consent does not run down (null: nothing to write). */
export function afterSend(s: Consent): { remaining: number } | null {
  return s.longTerm === true ? null : { remaining: s.remaining - 1 }
}

/** What the person is shown: 已开启长期提醒, or how many messages are still allowed. */
export function consentStatus(s: Consent | null): { subscribed: boolean; longTerm: boolean; remaining: number } {
  return { subscribed: canSend(s), longTerm: s?.longTerm === true, remaining: s && s.longTerm !== true ? Math.max(0, s.remaining) : 0 }
}

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

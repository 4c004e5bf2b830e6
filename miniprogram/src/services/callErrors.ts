// How a failed call failed, told from what WeChat's callFunction rejects with: plain data, no Taro, unit-tested.

/**
 * The cloud function ran past its timeout (3 s unless raised in the console, README deploy step 6). WeChat then
 * rejects callFunction with errCode -504003 and an errMsg like "cloud.callFunction:fail Error: errCode: -504003 |
 * errMsg: Invoking task timed out after 3 seconds" (the platform's function-timeout text; the -5040xx codes are
 * the cloud-function errors of https://developers.weixin.qq.com/minigame/en/dev/wxcloud/reference/errcode.html,
 * which also lists -501002 "Cloud response timed out"). A phone's own network timeout is "request:fail timeout",
 * which does not match and stays a network failure.
 */
export function isFunctionTimeout(error: unknown): boolean {
  const { errCode, errMsg } = (error ?? {}) as { errCode?: unknown; errMsg?: unknown }
  if (errCode === -504003 || errCode === -501002) return true
  return /-504003|Invoking task timed out|Task timed out after/i.test(`${String(errMsg ?? '')} ${error instanceof Error ? error.message : ''}`)
}

/**
 * The village a public page is for, from its query: `villageId`, or the
 * `scene` of the mini-program code it was opened by (which carries the
 * village id). WeChat hands the scene over URI-encoded
 * (getUnlimitedQRCode, https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/qrcode-link/qr-code/getUnlimitedQRCode.html:
 * the page reads `scene` from its query and must decodeURIComponent it),
 * so it is decoded here, whether it came in the page's query or the launch options.
 * Pure, no Taro: unit-tested in test/unit/scene.test.ts.
 */
export function villageFromQuery(query: Record<string, string | undefined>, enterScene?: string): string {
  if (query.villageId) return query.villageId
  const scene = query.scene || enterScene
  return scene ? decodeScene(scene) : ''
}

/** decodeURIComponent, keeping the text as it is when it is not valid URI encoding. */
export function decodeScene(scene: string): string {
  try {
    return decodeURIComponent(scene)
  } catch {
    return scene
  }
}

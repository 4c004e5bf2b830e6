import Taro from '@tarojs/taro'
import type { CoverText } from './shareCards'

/**
 * A card's cover picture, drawn on an offscreen 2D canvas (WeChat only). A card's picture shows at 5:4
 * (onShareAppMessage, https://developers.weixin.qq.com/miniprogram/dev/reference/api/Page.html#onShareAppMessage-Object-object),
 * so 500×400. Offscreen 2D canvases exist from base library 2.16.1
 * (https://developers.weixin.qq.com/miniprogram/dev/api/canvas/wx.createOffscreenCanvas.html).
 * Any failure answers undefined: the card then shows WeChat's own screenshot of the page, which is fine.
 */
const WIDTH = 500
const HEIGHT = 400

/** Breaks text into lines no wider than `max`, character by character (Chinese has no spaces to break at). */
function wrap(measure: (s: string) => number, text: string, max: number, most: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const ch of text) {
    if (measure(line + ch) > max && line) {
      lines.push(line)
      line = ch
      if (lines.length === most) break
    } else line += ch
  }
  if (lines.length < most && line) lines.push(line)
  else if (lines.length === most && line) lines[most - 1] = `${lines[most - 1]!.slice(0, -1)}…`
  return lines
}

export async function drawCover(cover: CoverText): Promise<string | undefined> {
  if (process.env.TARO_ENV !== 'weapp') return undefined
  try {
    const canvas = Taro.createOffscreenCanvas({ type: '2d', width: WIDTH, height: HEIGHT })
    const ctx = canvas.getContext('2d') as CanvasRenderingContext2D
    ctx.fillStyle = '#b4282d' // the app's navigation bar red
    ctx.fillRect(0, 0, WIDTH, HEIGHT)
    ctx.fillStyle = '#ffffff'
    ctx.textBaseline = 'top'
    ctx.font = '32px sans-serif'
    ctx.fillText(cover.heading, 32, 32)
    ctx.font = 'bold 52px sans-serif'
    const big = cover.lines.flatMap((l) => wrap((s) => ctx.measureText(s).width, l, WIDTH - 64, 3)).slice(0, 3)
    for (const [i, l] of big.entries()) ctx.fillText(l, 32, 100 + i * 66)
    ctx.font = '36px sans-serif'
    ctx.fillText(cover.footer, 32, HEIGHT - 72)
    return await fileOf(canvas)
  } catch {
    return undefined
  }
}

/**
 * The canvas as a local file. canvasToTempFilePath takes a 2D canvas (`canvas`, base library 2.9.0:
 * https://developers.weixin.qq.com/miniprogram/dev/api/canvas/wx.canvasToTempFilePath.html), but developers report it
 * failing for an offscreen one on iOS; then the picture is written from toDataURL into the user data folder.
 */
async function fileOf(canvas: Taro.OffscreenCanvas): Promise<string> {
  try {
    const { tempFilePath } = await Taro.canvasToTempFilePath({ canvas: canvas as unknown as Taro.Canvas, fileType: 'png' })
    return tempFilePath
  } catch {
    const data = (canvas as unknown as { toDataURL(type: string): string }).toDataURL('image/png').replace(/^data:image\/png;base64,/, '')
    const path = `${Taro.env.USER_DATA_PATH}/share-cover-${Date.now()}.png`
    Taro.getFileSystemManager().writeFileSync(path, data, 'base64')
    return path
  }
}

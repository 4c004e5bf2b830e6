import * as jpeg from 'jpeg-js'
import { PNG } from 'pngjs'
import { MAX_ATTACHMENT_BYTES, sniffImage } from '../../shared/attachment'

/**
 * Every uploaded image is decoded to pixels and encoded afresh, so nothing but
 * pixels survives: no EXIF (phone model, GPS, time), XMP, comments, ICC or PNG
 * text chunks. Pure JavaScript (jpeg-js, pngjs, node's zlib), so the same code
 * runs on the local host and inside a WeChat cloud function, with no native build.
 *
 * - JPEG in → JPEG out at quality 85, turned upright by its EXIF orientation first.
 * - PNG in → PNG out (screenshots keep sharp text); should the PNG come out over
 *   the size limit, it becomes a JPEG on a white background instead.
 * - WebP and anything else are refused: no maintained WebP decoder runs
 *   synchronously in plain Node without WASM files to ship.
 */

export const JPEG_QUALITY = 85
/** 40 million pixels: about 160 MB of RGBA while decoding, the most one call may take. */
export const MAX_PIXELS = 40_000_000

export type CleanMime = 'image/jpeg' | 'image/png'
export interface CleanImage {
  bytes: Buffer
  mime: CleanMime
  width: number
  height: number
}

export const ONLY_JPG_PNG = '只能上传 JPG 或 PNG 格式的图片'
export const BROKEN = '图片已损坏或不完整，请重新拍摄或选择'
export const TOO_MANY_PIXELS = '图片像素太大（超过4000万像素），请缩小后再传'
export const TOO_LARGE = '每张图片不能超过2MB，请压缩后再传'

interface Raster {
  width: number
  height: number
  /** RGBA, 4 bytes a pixel */
  data: Uint8Array
}

/** What a JPEG says about itself before decoding: its size (from the frame header) and EXIF orientation. */
export function jpegHeader(bytes: Uint8Array): { width: number; height: number; orientation: number } | null {
  let orientation = 1
  let i = 2
  while (i + 4 <= bytes.length) {
    if (bytes[i] !== 0xff) return null
    const marker = bytes[i + 1]!
    // Fill bytes and markers without a length
    if (marker === 0xff) {
      i += 1
      continue
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2
      continue
    }
    const length = (bytes[i + 2]! << 8) | bytes[i + 3]!
    if (length < 2 || i + 2 + length > bytes.length) return null
    const start = i + 4
    if (marker === 0xe1 && length >= 16 && ascii(bytes, start, 6) === 'Exif\0\0') {
      orientation = exifOrientation(bytes.subarray(start + 6, i + 2 + length)) ?? orientation
    }
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC): the frame header with the image's size
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (length < 7) return null
      const height = (bytes[start + 1]! << 8) | bytes[start + 2]!
      const width = (bytes[start + 3]! << 8) | bytes[start + 4]!
      return { width, height, orientation }
    }
    if (marker === 0xda) return null // scan data before any frame header
    i += 2 + length
  }
  return null
}

const ascii = (bytes: Uint8Array, at: number, n: number) => String.fromCharCode(...bytes.subarray(at, at + n))

/** Tag 0x0112 of IFD0 in a TIFF block (what follows "Exif\0\0"), or null when absent or malformed. */
function exifOrientation(tiff: Uint8Array): number | null {
  if (tiff.length < 8) return null
  const little = tiff[0] === 0x49 && tiff[1] === 0x49
  if (!little && !(tiff[0] === 0x4d && tiff[1] === 0x4d)) return null
  const u16 = (at: number) => (little ? tiff[at]! | (tiff[at + 1]! << 8) : (tiff[at]! << 8) | tiff[at + 1]!)
  const u32 = (at: number) => (little ? u16(at) + u16(at + 2) * 65536 : u16(at) * 65536 + u16(at + 2))
  const ifd = u32(4)
  if (ifd + 2 > tiff.length) return null
  const count = u16(ifd)
  for (let k = 0; k < count; k++) {
    const entry = ifd + 2 + k * 12
    if (entry + 12 > tiff.length) return null
    if (u16(entry) === 0x0112) {
      const value = u16(entry + 8)
      return value >= 1 && value <= 8 ? value : null
    }
  }
  return null
}

/** The pixels turned the way the EXIF orientation says the photo is meant to be seen. */
export function upright(image: Raster, orientation: number): Raster {
  if (orientation <= 1 || orientation > 8) return image
  const { width: w, height: h, data } = image
  const swap = orientation >= 5
  const ow = swap ? h : w
  const oh = swap ? w : h
  const out = new Uint8Array(ow * oh * 4)
  // For each output pixel, where it comes from in the stored image (EXIF 2.32, tag 0x0112).
  const source: (x: number, y: number) => number = {
    2: (x: number, y: number) => y * w + (w - 1 - x),
    3: (x: number, y: number) => (h - 1 - y) * w + (w - 1 - x),
    4: (x: number, y: number) => (h - 1 - y) * w + x,
    5: (x: number, y: number) => x * w + y,
    6: (x: number, y: number) => (h - 1 - x) * w + y,
    7: (x: number, y: number) => (h - 1 - x) * w + (w - 1 - y),
    8: (x: number, y: number) => x * w + (w - 1 - y),
  }[orientation]!
  for (let y = 0; y < oh; y++) {
    for (let x = 0; x < ow; x++) {
      const from = source(x, y) * 4
      const to = (y * ow + x) * 4
      out[to] = data[from]!
      out[to + 1] = data[from + 1]!
      out[to + 2] = data[from + 2]!
      out[to + 3] = data[from + 3]!
    }
  }
  return { width: ow, height: oh, data: out }
}

function decodeJpeg(bytes: Uint8Array): Raster {
  // tolerantDecoding off: a file that is a JPEG only in its first bytes must fail, not decode to grey.
  const decoded = jpeg.decode(bytes, {
    useTArray: true,
    formatAsRGBA: true,
    tolerantDecoding: false,
    maxResolutionInMP: MAX_PIXELS / 1_000_000,
    maxMemoryUsageInMB: 512,
  })
  return { width: decoded.width, height: decoded.height, data: decoded.data }
}

const encodeJpeg = (image: Raster) => jpeg.encode({ width: image.width, height: image.height, data: image.data }, JPEG_QUALITY).data

function encodePng(image: Raster): Buffer {
  const opaque = image.data.every((v, i) => i % 4 !== 3 || v === 255)
  const png = new PNG({ width: image.width, height: image.height, colorType: opaque ? 2 : 6, inputHasAlpha: true })
  png.data = Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength)
  return PNG.sync.write(png, { colorType: opaque ? 2 : 6, inputHasAlpha: true })
}

/** Transparent pixels over white, for a JPEG. */
function onWhite(image: Raster): Raster {
  const data = new Uint8Array(image.data)
  for (let i = 0; i < data.length; i += 4) {
    const a = data[i + 3]! / 255
    for (let c = 0; c < 3; c++) data[i + c] = Math.round(data[i + c]! * a + 255 * (1 - a))
    data[i + 3] = 255
  }
  return { ...image, data }
}

/** The re-encoded bytes decode back to the same size, or the result is not used. */
function decodesAs(bytes: Buffer, mime: CleanMime, width: number, height: number): boolean {
  try {
    const back = mime === 'image/jpeg' ? decodeJpeg(bytes) : PNG.sync.read(bytes)
    return back.width === width && back.height === height
  } catch {
    return false
  }
}

/**
 * An uploaded image, re-encoded without any metadata, or a plain-Chinese
 * problem. Pure: bytes in, bytes out, no I/O.
 */
export function cleanImage(input: Uint8Array): CleanImage | { problem: string } {
  if (input.length > MAX_ATTACHMENT_BYTES) return { problem: TOO_LARGE }
  const kind = sniffImage(input.subarray(0, 16))
  if (kind !== 'image/jpeg' && kind !== 'image/png') return { problem: ONLY_JPG_PNG }
  let raster: Raster
  try {
    if (kind === 'image/jpeg') {
      const header = jpegHeader(input)
      if (!header || header.width === 0 || header.height === 0) return { problem: BROKEN }
      if (header.width * header.height > MAX_PIXELS) return { problem: TOO_MANY_PIXELS }
      raster = upright(decodeJpeg(input), header.orientation)
    } else {
      if (input.length < 24) return { problem: BROKEN }
      const view = Buffer.from(input.buffer, input.byteOffset, input.byteLength)
      // IHDR comes first: width and height are known before a single pixel is inflated.
      if (view.readUInt32BE(16) * view.readUInt32BE(20) > MAX_PIXELS) return { problem: TOO_MANY_PIXELS }
      const png = PNG.sync.read(view)
      raster = { width: png.width, height: png.height, data: png.data }
    }
  } catch {
    return { problem: BROKEN }
  }
  if (raster.width === 0 || raster.height === 0 || raster.data.length !== raster.width * raster.height * 4) return { problem: BROKEN }

  let mime: CleanMime = kind
  let bytes = kind === 'image/png' ? encodePng(raster) : encodeJpeg(raster)
  if (bytes.length > MAX_ATTACHMENT_BYTES && kind === 'image/png') {
    mime = 'image/jpeg'
    bytes = encodeJpeg(onWhite(raster))
  }
  if (bytes.length > MAX_ATTACHMENT_BYTES) return { problem: TOO_LARGE }
  if (!decodesAs(bytes, mime, raster.width, raster.height)) return { problem: BROKEN }
  return { bytes, mime, width: raster.width, height: raster.height }
}

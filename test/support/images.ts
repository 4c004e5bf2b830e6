import * as jpeg from 'jpeg-js'
import { PNG } from 'pngjs'

/** RGBA pixels: the left half red, the right half blue, so a rotation shows where the halves went. */
export function halves(width: number, height: number): Buffer {
  const data = Buffer.alloc(width * height * 4)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4
      const left = x < width / 2
      data[i] = left ? 230 : 20
      data[i + 1] = 20
      data[i + 2] = left ? 20 : 230
      data[i + 3] = 255
    }
  }
  return data
}

export const PHONE_MODEL = 'TestPhone X9'
export const XMP_MARK = 'http://ns.adobe.com/xap/1.0/'
export const COMMENT = 'shot at the back of the village office'
/** 31°14'52" N as three TIFF rationals (big-endian), the bytes a GPS IFD carries. */
export const GPS_LATITUDE = Buffer.from([0, 0, 0, 31, 0, 0, 0, 1, 0, 0, 0, 14, 0, 0, 0, 1, 0, 0, 0, 52, 0, 0, 0, 1])

/** A big-endian TIFF block (what follows "Exif\0\0"): IFD0 with Model, Orientation and a GPS IFD with a latitude. */
function tiffBlock(orientation: number): Buffer {
  const model = Buffer.from(`${PHONE_MODEL}\0`, 'latin1')
  // Layout: header (8) | IFD0: count + 3 entries + next (2 + 36 + 4 = 42) | model | GPS IFD: count + 2 entries + next (30) | latitude
  const ifd0 = 8
  const modelAt = ifd0 + 42
  const gpsAt = modelAt + model.length
  const latitudeAt = gpsAt + 30
  const out = Buffer.alloc(latitudeAt + GPS_LATITUDE.length)
  out.write('MM', 0, 'latin1')
  out.writeUInt16BE(42, 2)
  out.writeUInt32BE(ifd0, 4)
  out.writeUInt16BE(3, ifd0)
  const entry = (at: number, tag: number, type: number, count: number, value: (b: Buffer, at: number) => void) => {
    out.writeUInt16BE(tag, at)
    out.writeUInt16BE(type, at + 2)
    out.writeUInt32BE(count, at + 4)
    value(out, at + 8)
  }
  entry(ifd0 + 2, 0x0110, 2, model.length, (b, at) => b.writeUInt32BE(modelAt, at)) // Model, ASCII
  entry(ifd0 + 14, 0x0112, 3, 1, (b, at) => b.writeUInt16BE(orientation, at)) // Orientation, SHORT
  entry(ifd0 + 26, 0x8825, 4, 1, (b, at) => b.writeUInt32BE(gpsAt, at)) // GPSInfo IFD pointer, LONG
  out.writeUInt32BE(0, ifd0 + 38)
  model.copy(out, modelAt)
  out.writeUInt16BE(2, gpsAt)
  entry(gpsAt + 2, 0x0001, 2, 2, (b, at) => b.write('N\0', at, 'latin1')) // GPSLatitudeRef
  entry(gpsAt + 14, 0x0002, 5, 3, (b, at) => b.writeUInt32BE(latitudeAt, at)) // GPSLatitude, RATIONAL×3
  out.writeUInt32BE(0, gpsAt + 26)
  GPS_LATITUDE.copy(out, latitudeAt)
  return out
}

const segment = (marker: number, body: Buffer) => {
  const head = Buffer.from([0xff, marker, 0, 0])
  head.writeUInt16BE(body.length + 2, 2)
  return Buffer.concat([head, body])
}

/**
 * A real JPEG, as a phone would send it: EXIF (phone model, GPS, orientation), an XMP packet and
 * a comment spliced in right after the start-of-image marker.
 */
export function phoneJpeg(width = 32, height = 16, orientation = 1): Buffer {
  const plain = jpeg.encode({ width, height, data: halves(width, height) }, 90).data
  const exif = segment(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiffBlock(orientation)]))
  const xmp = segment(0xe1, Buffer.from(`${XMP_MARK}\0<x:xmpmeta xmlns:x="adobe:ns:meta/"><tiff:Model>${PHONE_MODEL}</tiff:Model></x:xmpmeta>`, 'latin1'))
  const comment = segment(0xfe, Buffer.from(COMMENT, 'latin1'))
  return Buffer.concat([plain.subarray(0, 2), exif, xmp, comment, plain.subarray(2)])
}

/** A real PNG with a tEXt chunk naming the phone. */
export function phonePng(width = 16, height = 8): Buffer {
  const png = new PNG({ width, height })
  png.data = halves(width, height)
  const plain = PNG.sync.write(png)
  const text = Buffer.from(`Model\0${PHONE_MODEL}`, 'latin1')
  const chunk = Buffer.alloc(12 + text.length)
  chunk.writeUInt32BE(text.length, 0)
  chunk.write('tEXt', 4, 'latin1')
  text.copy(chunk, 8)
  // The CRC is not checked by this test's readers; pngjs checks it, so compute it.
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + text.length)), 8 + text.length)
  // After IHDR (8 signature + 25 IHDR bytes)
  return Buffer.concat([plain.subarray(0, 33), chunk, plain.subarray(33)])
}

function crc32(bytes: Uint8Array): number {
  let c = ~0
  for (const b of bytes) {
    c ^= b
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1))
  }
  return ~c >>> 0
}

/** Width, height and RGBA of a JPEG or PNG. */
export function decodeImage(bytes: Buffer): { width: number; height: number; data: Uint8Array } {
  if (bytes[0] === 0xff) return jpeg.decode(bytes, { useTArray: true, tolerantDecoding: false })
  return PNG.sync.read(bytes)
}

/** The metadata a stripped image must not contain. */
export function leaks(bytes: Buffer): string[] {
  const found: string[] = []
  const has = (needle: Buffer) => bytes.indexOf(needle) !== -1
  if (has(Buffer.from(PHONE_MODEL, 'latin1'))) found.push('phone model')
  if (has(Buffer.from('Exif\0\0', 'latin1'))) found.push('Exif marker')
  if (has(GPS_LATITUDE)) found.push('GPS latitude')
  if (has(Buffer.from(XMP_MARK, 'latin1'))) found.push('XMP')
  if (has(Buffer.from(COMMENT, 'latin1'))) found.push('comment')
  if (has(Buffer.from('tEXt', 'latin1'))) found.push('PNG text')
  return found
}

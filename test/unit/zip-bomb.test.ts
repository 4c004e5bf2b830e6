import { unzipSync, zipSync } from 'fflate'
import { inflatedSize, MAX_UNPACKED_BYTES, readXlsx } from '../../cloudfunctions/township/spreadsheet'
import { AppError } from '../../shared/errors'
import { xlsxOf } from '../support/xlsx'

/** One part of zeros that deflates to a few KB; level 9 as a bomb maker would use. */
const bombOf = (bytes: number) => zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(bytes) }, { level: 9 })

/**
 * The same zip with its uncompressed sizes rewritten to `declared` in the local header (offset 22) and the
 * central directory entry (offset 24): what a crafted file tells a reader that trusts the directory.
 */
function underDeclared(zip: Uint8Array, declared: number): Uint8Array {
  const out = Uint8Array.from(zip)
  const view = new DataView(out.buffer)
  for (let at = 0; at + 4 <= out.length; at++) {
    const signature = view.getUint32(at, true)
    if (signature === 0x04034b50) view.setUint32(at + 22, declared, true)
    if (signature === 0x02014b50) view.setUint32(at + 24, declared, true)
  }
  return out
}

const declaredTotal = (zip: Uint8Array) => {
  let total = 0
  unzipSync(zip, { filter: (f) => ((total += f.originalSize), false) })
  return total
}

/** Deflate expands at most ~1,032:1, and the check feeds 1 KB at a time. */
const ONE_SLICE = 1032 * 1024

describe('a zip bomb is refused by what it inflates to, not what it declares', () => {
  it('measures an ordinary workbook exactly and lets it through', () => {
    const book = xlsxOf([
      ['户号', '户主姓名'],
      ['0120', '王德福'],
    ])
    const parts = unzipSync(book)
    const real = Object.values(parts).reduce((n, p) => n + p.length, 0)
    expect(inflatedSize(book)).toEqual({ inflated: real, over: false })
  })

  it('stops a file that under-declares its size once inflating passes the cap, inflating no more than a slice past it', async () => {
    const crafted = underDeclared(bombOf(40 * 1024 * 1024), 1000)
    // What the directory says: harmless.
    expect(declaredTotal(crafted)).toBe(1000)
    expect(crafted.length).toBeLessThan(100 * 1024)
    const { inflated, over } = inflatedSize(crafted)
    expect(over).toBe(true)
    expect(inflated).toBeGreaterThan(MAX_UNPACKED_BYTES)
    expect(inflated).toBeLessThanOrEqual(MAX_UNPACKED_BYTES + ONE_SLICE)
    await expect(readXlsx(Buffer.from(crafted).toString('base64'), '太大了')).rejects.toEqual(new AppError('INVALID_INPUT', '太大了'))
  })

  it('stops an honest bomb the same way', () => {
    const { inflated, over } = inflatedSize(bombOf(40 * 1024 * 1024))
    expect(over).toBe(true)
    expect(inflated).toBeLessThanOrEqual(MAX_UNPACKED_BYTES + ONE_SLICE)
  })

  it('passes on what is not a zip, for the reader to say so in words', () => {
    expect(inflatedSize(Buffer.from('不是压缩文件'))).toEqual({ inflated: 0, over: false })
  })
})

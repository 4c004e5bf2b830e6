import { prepareFile, shareTap, type ExportDeps } from '../../miniprogram/src/components/exportSteps'

/*
 * WeChat shares a file to a chat only from a tap, and only from a local path: the first tap prepares
 * and downloads, the second shares, with nothing awaited before the share (exportSteps.ts).
 */
describe('exporting in WeChat, two taps', () => {
  const prepared = { filename: '举报-2026-11-21.csv', url: 'https://x.tcb.qcloud.la/private/exports/a.csv?sign=s&t=1', rows: 3 }

  it('downloads the file right after preparing it, so the second tap has a local path', async () => {
    const steps: string[] = []
    const deps: ExportDeps = {
      prepare: async () => (steps.push('prepare'), prepared),
      download: async (url) => (steps.push(`download ${url}`), { tempFilePath: 'wxfile://tmp/a.csv', statusCode: 200 }),
    }
    expect(await prepareFile(deps)).toEqual({ filename: prepared.filename, rows: 3, filePath: 'wxfile://tmp/a.csv' })
    expect(steps).toEqual(['prepare', `download ${prepared.url}`])
  })

  it('says so in plain words when the download fails (an expired link answers 403)', async () => {
    const deps: ExportDeps = { prepare: async () => prepared, download: async () => ({ tempFilePath: '', statusCode: 403 }) }
    await expect(prepareFile(deps)).rejects.toThrow(/表格没有下载到手机上/)
  })

  it('calls share before the second tap handler gives control back: no await before it', () => {
    const shared: { filePath: string; fileName: string }[] = []
    const pending = shareTap({ filename: prepared.filename, rows: 3, filePath: 'wxfile://tmp/a.csv' }, async (file) => {
      shared.push(file)
    })
    // Checked before any microtask runs: a share behind an await would not have happened yet.
    expect(shared).toEqual([{ filePath: 'wxfile://tmp/a.csv', fileName: prepared.filename }])
    return pending
  })
})

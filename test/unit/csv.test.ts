import { BOM, beijingTime, toCsv } from '../../shared/csv'

describe('CSV for Excel', () => {
  it('starts with a byte-order mark and ends lines as Excel expects', () => {
    expect(toCsv(['村', '数量'], [['石桥村', 3]])).toBe(`${BOM}村,数量\r\n石桥村,3\r\n`)
  })

  it('quotes cells holding commas, quotes or line breaks', () => {
    expect(toCsv(['内容'], [['说了"不行"，还是不行'], ['第一行\n第二行'], ['a,b'], [null]])).toBe(`${BOM}内容\r\n"说了""不行""，还是不行"\r\n"第一行\n第二行"\r\n"a,b"\r\n\r\n`)
  })

  it('never lets written text run as a formula', () => {
    expect(toCsv(['内容'], [['=HYPERLINK("http://x")'], ['@SUM(A1)'], [-5]])).toBe(`${BOM}内容\r\n"'=HYPERLINK(""http://x"")"\r\n'@SUM(A1)\r\n-5\r\n`)
  })

  it('writes times in Beijing time, across midnight and the year end', () => {
    expect(beijingTime('2026-11-21T08:00:00.000Z')).toBe('2026-11-21 16:00')
    expect(beijingTime('2026-12-31T16:30:00.000Z')).toBe('2027-01-01 00:30')
    expect(beijingTime(null)).toBe('')
  })
})

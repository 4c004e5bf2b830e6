import { parseCsv, readRoster } from '../../shared/member/roster'

const header = '户号,户主姓名,村民小组,人口数'
const fromCsv = (text: string) => readRoster(parseCsv(text))

describe('reading a roster export', () => {
  it("reads Excel's CSV: a byte-order mark, CRLF lines, quoted cells, columns in any order", () => {
    const text = '\uFEFF村民小组,户号,人口数,户主姓名\r\n一组,0001,4,"王建国"\r\n"二组,东",0002,3,李秀英\r\n\r\n'
    expect(fromCsv(text)).toEqual({
      rows: [
        { line: 2, number: '0001', headName: '王建国', groupName: '一组', size: 4 },
        { line: 3, number: '0002', headName: '李秀英', groupName: '二组,东', size: 3 },
      ],
      problems: [],
    })
  })

  it('says what is wrong with each bad line, by line number', () => {
    const text = [header, '0001,王建国,一组,4', ',李四,一组,2', '0001,赵六,二组,3', '0003,,二组,3', '0004,钱七,二组,三', '00 05,孙八,二组,2'].join('\n')
    const { rows, problems } = fromCsv(text)
    expect(rows.map((r) => r.number)).toEqual(['0001'])
    expect(problems).toEqual([
      { line: 3, reason: '缺少户号' },
      { line: 4, reason: '户号“0001”和第2行重复' },
      { line: 5, reason: '缺少户主姓名' },
      { line: 6, reason: '人口数“三”要填1到99的整数' },
      { line: 7, reason: '户号“00 05”只能是数字、字母或短横线' },
    ])
  })

  it('refuses a file without the four columns, naming the missing ones', () => {
    expect(fromCsv('户号,姓名\n0001,王建国').problems).toEqual([{ line: 1, reason: '表头要有这些列名：户号、户主姓名、村民小组、人口数；缺少“户主姓名”、“村民小组”、“人口数”' }])
    expect(readRoster([]).problems).toEqual([{ line: 1, reason: expect.stringMatching(/^表头要有这些列名/) }])
  })

  it('skips a title above the header; lines keep their numbers in the file', () => {
    const { rows, problems } = fromCsv(['石桥村户籍花名册,,,', '', header, '0001,王建国,一组,4', '0002,,一组,3'].join('\n'))
    expect(rows).toEqual([{ line: 4, number: '0001', headName: '王建国', groupName: '一组', size: 4 }])
    expect(problems).toEqual([{ line: 5, reason: '缺少户主姓名' }])
  })

  it('splits cells with doubled quotes inside quotes', () => {
    expect(parseCsv('a,"b ""c"" d",e')).toEqual([['a', 'b "c" d', 'e']])
  })
})

describe("reading a spreadsheet's rows, where cells may be numbers", () => {
  const title = ['户号', '户主姓名', '村民小组', '人口数']

  it('takes whole numbers as they read: 户号 12 is “12”, 人口数 4 is 4; text keeps its leading zeros', () => {
    expect(readRoster([title, [12, '王建国', 1, 4], ['0013', '李秀英', '二组', '3'], [null, null, null, null]])).toEqual({
      rows: [
        { line: 2, number: '12', headName: '王建国', groupName: '1', size: 4 },
        { line: 3, number: '0013', headName: '李秀英', groupName: '二组', size: 3 },
      ],
      problems: [],
    })
  })

  it('says when a number or a date cannot be a 户号 or a 人口数', () => {
    const { rows, problems } = readRoster([
      title,
      [12.5, '王建国', '一组', 4],
      [1e20, '李秀英', '一组', 3],
      [14, '赵大海', '二组', 4.5],
      [15, '钱七', '二组', 0],
      [16, '孙八', '二组', true],
      [new Date('2026-01-12T00:00:00Z'), '周九', '二组', 2],
      [17, '吴十', '二组', new Date('2026-01-04T00:00:00Z')],
    ])
    expect(rows).toEqual([])
    expect(problems).toEqual([
      { line: 2, reason: '户号“12.5”在表格里是数字格式，读不准。请把户号这一列设为文本格式后重新填写' },
      { line: 3, reason: '户号“100000000000000000000”在表格里是数字格式，读不准。请把户号这一列设为文本格式后重新填写' },
      { line: 4, reason: '人口数“4.5”要填1到99的整数' },
      { line: 5, reason: '人口数“0”要填1到99的整数' },
      { line: 6, reason: '人口数“true”要填1到99的整数' },
      { line: 7, reason: '户号在表格里被当成了日期（2026-01-12）。请把户号这一列设为文本格式后重新填写' },
      { line: 8, reason: '人口数“2026-01-04”要填1到99的整数' },
    ])
  })

  it('refuses a number that lost its leading zeros when the roster knows the 户号 only with them', () => {
    const roster = ['0012', '0013', '13', '0100']
    const { rows, problems } = readRoster(
      [title, [12, '王建国', '一组', 4], [13, '李秀英', '一组', 3], ['12', '赵大海', '二组', 2], [100, '钱七', '二组', 2], [7, '孙八', '二组', 2]],
      roster,
    )
    // 13 is on the roster as itself; text “12” was typed that way; 7 is a new household.
    expect(rows.map((r) => r.number)).toEqual(['13', '12', '7'])
    expect(problems).toEqual([
      { line: 2, reason: '户号“12”在表格里是数字格式，前面的0没有了；花名册上是“0012”。请把户号这一列设为文本格式，照花名册填写' },
      { line: 5, reason: '户号“100”在表格里是数字格式，前面的0没有了；花名册上是“0100”。请把户号这一列设为文本格式，照花名册填写' },
    ])
  })
})

import { parseCsv, readRoster } from '../../shared/domain/roster'

const header = '户号,户主姓名,村民小组,人口数'

describe('reading a roster export', () => {
  it('reads Excel\'s CSV: a byte-order mark, CRLF lines, quoted cells, columns in any order', () => {
    const text = '\uFEFF村民小组,户号,人口数,户主姓名\r\n一组,0001,4,"王建国"\r\n"二组,东",0002,3,李秀英\r\n\r\n'
    expect(readRoster(text)).toEqual({
      rows: [
        { line: 2, number: '0001', headName: '王建国', groupName: '一组', size: 4 },
        { line: 3, number: '0002', headName: '李秀英', groupName: '二组,东', size: 3 },
      ],
      problems: [],
    })
  })

  it('says what is wrong with each bad line, by line number', () => {
    const text = [header, '0001,王建国,一组,4', ',李四,一组,2', '0001,赵六,二组,3', '0003,,二组,3', '0004,钱七,二组,三', '00 05,孙八,二组,2'].join('\n')
    const { rows, problems } = readRoster(text)
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
    expect(readRoster('户号,姓名\n0001,王建国').problems).toEqual([
      { line: 1, reason: '第一行要有这些列名：户号、户主姓名、村民小组、人口数；缺少“户主姓名”、“村民小组”、“人口数”' },
    ])
  })

  it('splits cells with doubled quotes inside quotes', () => {
    expect(parseCsv('a,"b ""c"" d",e')).toEqual([['a', 'b "c" d', 'e']])
  })
})

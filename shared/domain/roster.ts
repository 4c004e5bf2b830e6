// Household roster import: pure parsing and checking, no I/O.

export interface RosterRow {
  /** the line in the file, counting the header as line 1 */
  line: number
  number: string
  headName: string
  groupName: string
  size: number
}

export interface RosterProblem {
  line: number
  reason: string
}

const COLUMNS = { number: '户号', headName: '户主姓名', groupName: '村民小组', size: '人口数' } as const

/** Splits CSV text into rows of cells: quoted cells, doubled quotes, CRLF or LF, a leading byte-order mark. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  const src = text.replace(/^\uFEFF/, '')
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') (cell += '"'), i++
      else if (c === '"') quoted = false
      else cell += c
    } else if (c === '"' && cell === '') quoted = true
    else if (c === ',') row.push(cell), (cell = '')
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
    } else cell += c
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell])
  return rows
}

/**
 * Reads a roster export (户号, 户主姓名, 村民小组, 人口数, in any column order)
 * and says what is wrong with each bad line. Blank lines are skipped.
 */
export function readRoster(text: string): { rows: RosterRow[]; problems: RosterProblem[] } {
  const [header, ...body] = parseCsv(text)
  const names = (header ?? []).map((h) => h.trim())
  const index = Object.fromEntries(Object.entries(COLUMNS).map(([key, title]) => [key, names.indexOf(title)])) as Record<keyof typeof COLUMNS, number>
  const missing = Object.entries(COLUMNS).filter(([key]) => index[key as keyof typeof COLUMNS] < 0)
  if (missing.length > 0) {
    return { rows: [], problems: [{ line: 1, reason: `第一行要有这些列名：${Object.values(COLUMNS).join('、')}；缺少${missing.map(([, t]) => `“${t}”`).join('、')}` }] }
  }
  const rows: RosterRow[] = []
  const problems: RosterProblem[] = []
  const seen = new Map<string, number>()
  body.forEach((cells, i) => {
    const line = i + 2
    if (cells.every((c) => c.trim() === '')) return
    const get = (key: keyof typeof COLUMNS) => (cells[index[key]] ?? '').trim()
    const number = get('number')
    const headName = get('headName')
    const sizeText = get('size')
    const why = !number
      ? '缺少户号'
      : !/^[0-9A-Za-z-]{1,20}$/.test(number)
        ? `户号“${number}”只能是数字、字母或短横线`
        : seen.has(number)
          ? `户号“${number}”和第${seen.get(number)}行重复`
          : !headName
            ? '缺少户主姓名'
            : headName.length > 20
              ? '户主姓名太长'
              : !/^[1-9]\d{0,1}$/.test(sizeText)
                ? `人口数“${sizeText}”要填1到99的整数`
                : null
    if (why) return void problems.push({ line, reason: why })
    seen.set(number, line)
    rows.push({ line, number, headName, groupName: get('groupName').slice(0, 20), size: Number(sizeText) })
  })
  return { rows, problems }
}

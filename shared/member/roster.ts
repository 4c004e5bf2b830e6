// Household roster import: pure reading and checking of rows of cells, no I/O.
// CSV text is parsed here; a spreadsheet is read into rows by the township function.

/**
 * Households a roster import writes per call, in one transaction: a piece of 40 is ~80 sequential database
 * requests in the cloud (an update is a read and a write), about 2 s at 25 ms each, inside the 3 s default
 * function timeout (docs/performance.md).
 */
export const ROSTER_PIECE = 40

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

/** A cell as a file gives it: CSV gives text, a spreadsheet also numbers, true/false and dates; null is empty. */
export type Cell = string | number | boolean | Date | null

const textOf = (cell: Cell | undefined) => (cell === null || cell === undefined ? '' : cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell).trim())

/** A 户号 typed into a spreadsheet as a number: its digits, or why it cannot be read exactly. */
function numberFromFigure(figure: number): string | { problem: string } {
  return Number.isSafeInteger(figure) && figure >= 0 ? String(figure) : { problem: `户号“${figure}”在表格里是数字格式，读不准。请把户号这一列设为文本格式后重新填写` }
}

/** 人口数 as text (4) or as a spreadsheet number (4, but not 4.5). */
function sizeFrom(cell: Cell | undefined): number | null {
  if (typeof cell === 'number') return Number.isInteger(cell) && cell >= 1 && cell <= 99 ? cell : null
  const text = textOf(cell)
  return /^[1-9]\d?$/.test(text) ? Number(text) : null
}

/**
 * Reads a roster table (户号, 户主姓名, 村民小组, 人口数, in any column order)
 * and says what is wrong with each bad line. Rows are the file's lines from
 * line 1; the header is the first row naming one of the columns, so a title
 * above it is skipped. Blank lines are skipped.
 *
 * `roster` is the 户号 already on the village's roster: a 户号 a spreadsheet
 * stored as a number has lost its leading zeros (0012 became 12), so when the
 * roster knows it only with them the line is refused instead of adding a
 * second household.
 */
export function readRoster(table: readonly (readonly Cell[])[], roster: Iterable<string> = []): { rows: RosterRow[]; problems: RosterProblem[] } {
  const titles: readonly string[] = Object.values(COLUMNS)
  const named = table.findIndex((cells) => cells.some((c) => titles.includes(textOf(c))))
  const headerAt =
    named >= 0
      ? named
      : Math.max(
          0,
          table.findIndex((cells) => cells.some((c) => textOf(c) !== '')),
        )
  const names = (table[headerAt] ?? []).map(textOf)
  const index = Object.fromEntries(Object.entries(COLUMNS).map(([key, title]) => [key, names.indexOf(title)])) as Record<keyof typeof COLUMNS, number>
  const missing = Object.entries(COLUMNS).filter(([key]) => index[key as keyof typeof COLUMNS] < 0)
  if (missing.length > 0) {
    return { rows: [], problems: [{ line: headerAt + 1, reason: `表头要有这些列名：${titles.join('、')}；缺少${missing.map(([, t]) => `“${t}”`).join('、')}` }] }
  }
  const known = new Set(roster)
  // 12 → 0012, for the roster's 户号 written with leading zeros
  const padded = new Map([...known].filter((n) => /^0+\d/.test(n)).map((n) => [n.replace(/^0+(?=\d)/, ''), n]))
  const seen = new Map<string, number>()
  /** The household on one line, or what is wrong with it. */
  const lineOf = (line: number, get: (key: keyof typeof COLUMNS) => Cell | undefined): RosterRow | string => {
    const figure = get('number')
    // Excel turns a 户号 like 1-12 into a date unless the column is text.
    if (figure instanceof Date) return `户号在表格里被当成了日期（${textOf(figure)}）。请把户号这一列设为文本格式后重新填写`
    const number = typeof figure === 'number' ? numberFromFigure(figure) : textOf(figure)
    if (typeof number !== 'string') return number.problem
    if (!number) return '缺少户号'
    if (!/^[0-9A-Za-z-]{1,20}$/.test(number)) return `户号“${number}”只能是数字、字母或短横线`
    if (typeof figure === 'number' && !known.has(number) && padded.has(number)) {
      return `户号“${number}”在表格里是数字格式，前面的0没有了；花名册上是“${padded.get(number)}”。请把户号这一列设为文本格式，照花名册填写`
    }
    if (seen.has(number)) return `户号“${number}”和第${seen.get(number)}行重复`
    const headName = textOf(get('headName'))
    if (!headName) return '缺少户主姓名'
    if (headName.length > 20) return '户主姓名太长'
    const size = sizeFrom(get('size'))
    if (size === null) return `人口数“${textOf(get('size'))}”要填1到99的整数`
    return { line, number, headName, groupName: textOf(get('groupName')).slice(0, 20), size }
  }
  const rows: RosterRow[] = []
  const problems: RosterProblem[] = []
  table.forEach((cells, i) => {
    if (i <= headerAt || cells.every((c) => textOf(c) === '')) return
    const read = lineOf(i + 1, (key) => cells[index[key]])
    if (typeof read === 'string') {
      problems.push({ line: i + 1, reason: read })
      return
    }
    seen.set(read.number, read.line)
    rows.push(read)
  })
  return { rows, problems }
}

/**
 * Checks a piece of a roster file, already read by the check (`readRoster`), the same way again: what the
 * server is sent is never trusted. Problems name the lines of the file.
 */
export function readPiece(rows: readonly RosterRow[], roster: Iterable<string> = []): { rows: RosterRow[]; problems: RosterProblem[] } {
  const header = [COLUMNS.number, COLUMNS.headName, COLUMNS.groupName, COLUMNS.size]
  const read = readRoster([header, ...rows.map((r) => [r.number, r.headName, r.groupName, String(r.size)])], roster)
  // Table line n (the header is line 1) is rows[n - 2].
  const lineOf = (n: number) => rows[n - 2]?.line ?? n
  return { rows: read.rows.map((r) => ({ ...r, line: lineOf(r.line) })), problems: read.problems.map((p) => ({ ...p, line: lineOf(p.line) })) }
}

import { randomInt } from 'node:crypto'
import { AppError } from '../../shared/errors'
import type { townshipContract, Household } from '../../shared/township/schema'
import type { ParsedInputOf } from '../../shared/contract/action'
import { parseCsv, readPiece, readRoster } from '../../shared/member/roster'
import { TRACKING_ALPHABET } from '../../shared/report/rules'
import type { Handler } from '../core/dispatch'
import { newId, type HandlerContext } from '../core/context'
import { DuplicateKeyError } from '../core/store'
import { villageInScope } from '../core/scope'
import { queryAll } from '../core/paging'
import { readXlsx } from './spreadsheet'

type C = typeof townshipContract

/** A new village of the caller's township, with a join code villagers type to ask to join. */
export const createVillage: Handler<C['createVillage']> = async (ctx, input) => {
  const existing = await queryAll(ctx.store, 'village', { townshipId: ctx.actor.townshipId }, { field: 'name', direction: 'asc' })
  if (existing.some((v) => v.name === input.name)) throw new AppError('CONFLICT', `本镇已经有“${input.name}”了`)
  for (let attempt = 0; attempt < 5; attempt++) {
    const joinCode = Array.from({ length: 6 }, () => TRACKING_ALPHABET[randomInt(TRACKING_ALPHABET.length)]).join('')
    const village = { _id: newId('v'), townshipId: ctx.actor.townshipId ?? '', name: input.name, joinCode }
    try {
      await ctx.store.insert('village', village)
      return { villageId: village._id, joinCode }
    } catch (error) {
      // A join code already taken: draw another.
      if (!(error instanceof DuplicateKeyError)) throw error
    }
  }
  throw new AppError('CONFLICT', '没能生成村加入码，请再试一次')
}

const ROSTER_TOO_BIG = '这个 Excel 表格太大了。花名册只需要户号、户主姓名、村民小组、人口数四列，请删去其他内容后再导入'

/** Reads a roster file, CSV or Excel, against the village's roster as it is. */
async function plan(ctx: HandlerContext, input: ParsedInputOf<C['previewRoster']>) {
  const village = await villageInScope(ctx, input.villageId)
  const table = input.xlsx !== undefined ? await readXlsx(input.xlsx, ROSTER_TOO_BIG) : parseCsv(input.csv ?? '')
  const current = new Map((await queryAll(ctx.store, 'household', { villageId: village._id }, { field: 'number', direction: 'asc' }, 100_000)).map((h) => [h.number, h]))
  const { rows, problems } = readRoster(table, current.keys())
  const creates = rows.filter((r) => !current.has(r.number))
  const updates = rows.filter((r) => current.has(r.number))
  const summary = {
    rows: rows.length,
    creates: creates.length,
    updates: updates.length,
    notInFile: current.size - updates.length,
    problems,
  }
  return { village, rows, current, summary }
}

/** The check before an import: with no bad line, the households to import, for the phone to send in pieces. */
export const previewRoster: Handler<C['previewRoster']> = async (ctx, input) => {
  const { rows, summary } = await plan(ctx, input)
  return { ...summary, households: summary.problems.length > 0 ? [] : rows }
}

/** A piece whose new household another call added first (a retry sent twice at once): read and write it again. */
const PIECE_ATTEMPTS = 2

/**
 * Writes one piece of a checked roster file (at most ROSTER_PIECE households) in one transaction:
 * households found by 户号 are updated in place (their members, votes and history stay), new ones are
 * added, none are deleted. The piece is checked again as the file was. A household already as the piece
 * says is left alone (`unchanged`), so sending a piece again (a retry after a lost answer) writes nothing
 * and adds no household twice: 户号 is unique in the village.
 */
export const importRoster: Handler<C['importRoster']> = async (ctx, input) => {
  const village = await villageInScope(ctx, input.villageId)
  for (let attempt = 1; ; attempt++) {
    const { items } = await ctx.store.query('household', {
      where: { villageId: village._id, number: { in: input.households.map((h) => h.number) } },
      orderBy: { field: 'number', direction: 'asc' },
      limit: 100,
    })
    const current = new Map(items.map((h) => [h.number, h]))
    const { rows, problems } = readPiece(input.households, current.keys())
    const first = problems[0]
    if (first) throw new AppError('INVALID_INPUT', `第${first.line}行：${first.reason}。请改好后再导入（共${problems.length}处问题）`)
    try {
      return await ctx.store.transaction(async (tx) => {
        const counts = { creates: 0, updates: 0, unchanged: 0 }
        for (const r of rows) {
          const known = current.get(r.number)
          if (known && known.headName === r.headName && known.groupName === r.groupName && known.size === r.size) {
            counts.unchanged++
          } else if (known) {
            await tx.update('household', known._id, { headName: r.headName, groupName: r.groupName, size: r.size })
            counts.updates++
          } else {
            const household: Household = {
              _id: newId('h'),
              villageId: village._id,
              number: r.number,
              headName: r.headName,
              groupName: r.groupName,
              size: r.size,
              representativeMemberId: null,
              inGroup: false,
            }
            await tx.insert('household', household)
            counts.creates++
          }
        }
        return counts
      })
    } catch (error) {
      if (!(error instanceof DuplicateKeyError) || attempt >= PIECE_ATTEMPTS) throw error
    }
  }
}

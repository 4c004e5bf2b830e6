import { randomInt } from 'node:crypto'
import { AppError } from '../../shared/errors'
import type { townshipContract } from '../../shared/contract/township'
import type { ParsedInputOf } from '../../shared/contract/action'
import { parseCsv, readRoster } from '../../shared/domain/roster'
import { TRACKING_ALPHABET } from '../../shared/domain/report'
import type { Household } from '../../shared/domain/village'
import type { Handler } from '../core/dispatch'
import { newId, type HandlerContext } from '../core/context'
import { DuplicateKeyError } from '../core/store'
import { villageInScope } from '../core/scope'
import { queryAll } from '../core/paging'
import { readXlsx } from './spreadsheet'

type C = typeof townshipContract

const BATCH = 100

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

/** Reads a roster file, CSV or Excel, against the village's roster as it is. */
async function plan(ctx: HandlerContext, input: ParsedInputOf<C['previewRoster']>) {
  const village = await villageInScope(ctx, input.villageId)
  const table = input.xlsx !== undefined ? await readXlsx(input.xlsx) : parseCsv(input.csv ?? '')
  const current = new Map(
    (await queryAll(ctx.store, 'household', { villageId: village._id }, { field: 'number', direction: 'asc' }, 100_000)).map((h) => [h.number, h]),
  )
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

export const previewRoster: Handler<C['previewRoster']> = async (ctx, input) => (await plan(ctx, input)).summary

/**
 * Writes a roster export with no bad line: households found by 户号 are
 * updated in place (their members, votes and history stay), new ones are
 * added, none are deleted.
 */
export const importRoster: Handler<C['importRoster']> = async (ctx, input) => {
  const { village, rows, current, summary } = await plan(ctx, input)
  const first = summary.problems[0]
  if (first) throw new AppError('INVALID_INPUT', `第${first.line}行：${first.reason}。请改好后再导入（共${summary.problems.length}处问题）`)
  if (rows.length === 0) throw new AppError('INVALID_INPUT', '花名册里没有户')
  for (let i = 0; i < rows.length; i += BATCH) {
    await ctx.store.transaction(async (tx) => {
      for (const r of rows.slice(i, i + BATCH)) {
        const known = current.get(r.number)
        if (known) {
          await tx.update('household', known._id, { headName: r.headName, groupName: r.groupName, size: r.size })
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
        }
      }
    })
  }
  return summary
}

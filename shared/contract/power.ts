import { cursor, id, page, text, z, villageInput } from '../zod'
import { action } from './action'
import { powerLevels, powerStepSchema } from '../domain/power'

/** Village roles read their own village; township staff name one of their villages. */

const itemSummary = z.object({
  itemId: z.string(),
  code: z.string(),
  name: z.string(),
  summary: z.string(),
  categoryId: z.string(),
  level: z.enum(powerLevels),
})

const flowNode = powerStepSchema.extend({ index: z.number().int(), actorChanged: z.boolean() })

const changeView = z.object({
  changeId: z.string(),
  itemId: z.string(),
  itemName: z.string(),
  change: z.enum(['added', 'removed']),
  note: z.string(),
  at: z.string(),
  byName: z.string(),
  byTitle: z.string(),
})

export const powerContract = {
  categories: action(
    z.object(villageInput),
    z.object({
      categories: z.array(
        z.object({ categoryId: z.string(), name: z.string(), description: z.string(), itemCount: z.number().int() }),
      ),
    }),
  ),
  list: action(
    z.object({
      ...villageInput,
      categoryId: id('分类').optional(),
      keyword: z.string({ error: '搜索词格式不对' }).trim().max(30, '搜索词不能超过30个字').optional(),
    }),
    z.object({ items: z.array(itemSummary) }),
  ),
  get: action(
    z.object({ ...villageInput, itemId: id('事项编号') }),
    z.object({
      item: itemSummary.extend({
        categoryName: z.string(),
        basis: z.array(z.string()),
        performer: z.string(),
        supervisor: z.string(),
        disclosure: z.string(),
        flow: z.array(flowNode),
      }),
    }),
  ),
  responsibilities: action(
    z.object({}),
    z.object({ posts: z.array(z.object({ post: z.string(), duties: z.array(z.string()) })) }),
  ),
  prohibitions: action(
    z.object({}),
    z.object({ items: z.array(z.object({ order: z.number().int(), area: z.string(), text: z.string() })) }),
  ),
  history: action(z.object({ ...villageInput, cursor }), page(changeView)),
  catalog: action(
    z.object({}),
    z.object({ items: z.array(itemSummary.extend({ selected: z.boolean() })) }),
  ),
  select: action(
    z.object({
      itemId: id('事项编号'),
      selected: z.boolean({ error: '请说明是加入还是移出清单' }),
      note: text('变更说明', 200),
    }),
    z.object({ changeId: z.string() }),
  ),
}

export type PowerItemSummary = z.infer<typeof itemSummary>
export type FlowNodeView = z.infer<typeof flowNode>

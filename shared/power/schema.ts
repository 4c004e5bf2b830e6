import { action } from '../contract/action'
import { xlsxBase64 } from '../township/schema'
import { z, text, id, villageInput, cursor, page } from '../zod'
import { powerLevels, itemVersionChanges } from './rules'

export const powerCategorySchema = z.object({
  _id: z.string(),
  name: z.string(),
  order: z.number().int(),
  description: z.string(),
})
export type PowerCategory = z.infer<typeof powerCategorySchema>

export const powerStepSchema = z.object({
  name: z.string(),
  /** Who performs this step, e.g. 村党组织, 村民代表会议, 乡镇民政办. */
  actor: z.string(),
  detail: z.string(),
  /** e.g. 5个工作日内; empty when the basis sets no limit. */
  timeLimit: z.string(),
})
export type PowerStep = z.infer<typeof powerStepSchema>

export const powerItemSchema = z.object({
  _id: z.string(),
  level: z.enum(powerLevels),
  /** Set for township featured items; null for the district list. */
  townshipId: z.string().nullable(),
  categoryId: z.string(),
  /** Position in the printed list, e.g. 3-05. */
  code: z.string(),
  name: z.string(),
  summary: z.string(),
  basis: z.array(z.string()),
  performer: z.string(),
  supervisor: z.string(),
  steps: z.array(powerStepSchema),
  disclosure: z.string(),
  /** Township items edited in the app: the number of the newest version (power_item_version); absent before the first edit. */
  version: z.number().int().optional(),
  /** When township staff removed the item; the record stays, villages' selections point at it. */
  removedAt: z.string().nullable().optional(),
})
export type PowerItem = z.infer<typeof powerItemSchema>

/** A village's published selection of one item; `selected: false` keeps the row after removal. */
export const powerSelectionSchema = z.object({
  _id: z.string(),
  villageId: z.string(),
  itemId: z.string(),
  selected: z.boolean(),
  changedAt: z.string(),
  /** Set when the township removed the item while the village had it selected: the committee should review. */
  needsReview: z.boolean().optional(),
})
export type PowerSelection = z.infer<typeof powerSelectionSchema>

/** One filed change (备案) to a village's list, shown to villagers as the list's history. */
export const powerChangeSchema = z.object({
  _id: z.string(),
  villageId: z.string(),
  itemId: z.string(),
  itemName: z.string(),
  change: z.enum(['added', 'removed']),
  note: z.string(),
  at: z.string(),
  byPersonId: z.string(),
  byName: z.string(),
  byTitle: z.string(),
})
export type PowerChange = z.infer<typeof powerChangeSchema>

/** 责任清单: a duty of one of the four key village posts. */
export const responsibilitySchema = z.object({
  _id: z.string(),
  post: z.string(),
  order: z.number().int(),
  duty: z.string(),
})
export type Responsibility = z.infer<typeof responsibilitySchema>

/** 负面清单: something village cadres must never do. */
export const prohibitionSchema = z.object({
  _id: z.string(),
  order: z.number().int(),
  area: z.string(),
  text: z.string(),
})
export type Prohibition = z.infer<typeof prohibitionSchema>

export const powerItemVersionSchema = z.object({
  /** `<itemId>:v<version>`: a version number is taken once, so two edits of the same version cannot both land. */
  _id: z.string(),
  itemId: z.string(),
  townshipId: z.string(),
  version: z.number().int().min(1),
  change: z.enum(itemVersionChanges),
  /** The Chinese labels of the fields this version changed (empty for a removal). */
  fields: z.array(z.string()),
  /** The removal's reason; empty otherwise. */
  reason: z.string(),
  /** The item's name as of this version, so the record reads on its own. */
  name: z.string(),
  at: z.string(),
  byPersonId: z.string(),
  byName: z.string(),
  byTitle: z.string(),
})
export type PowerItemVersion = z.infer<typeof powerItemVersionSchema>

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

const line = (label: string, max: number) =>
  z
    .string({ error: `${label}格式不对` })
    .trim()
    .max(max, `${label}不能超过${max}个字`)

/** One step of a featured item's flowchart as staff type it; its time limit may be left empty. */
const stepInput = z.object({
  name: text('步骤名称', 30),
  actor: text('办理主体', 60),
  detail: line('办理内容', 300).default(''),
  timeLimit: line('办理时限', 30).default(''),
})

/** A township featured item as staff edit it; `itemId` absent: a new item. */
export const townshipItemInput = z.object({
  itemId: id('事项编号').optional(),
  categoryId: id('类别'),
  name: text('事项名称', 40),
  summary: line('事项说明', 500).default(''),
  basis: z.array(text('依据', 200), { error: '请填写依据' }).min(1, '请至少填写一条依据').max(20, '依据最多20条'),
  performer: text('实施主体（责任岗位）', 100),
  supervisor: text('监督主体', 100),
  steps: z.array(stepInput, { error: '请填写办理流程' }).min(1, '请至少填写一个办理步骤').max(30, '办理步骤最多30个'),
  disclosure: line('公开要求', 300).default(''),
})

/** Which list to export: the district guidance list (区级指导性清单) or the caller's township's featured list (镇特色清单). */
const exportListInput = z.object({ list: z.enum(['district', 'township'], { error: '请选择导出哪一份清单' }) })

const itemVersionView = z.object({
  version: z.number().int(),
  change: z.enum(itemVersionChanges),
  summary: z.string(),
  fields: z.array(z.string()),
  reason: z.string(),
  at: z.string(),
  byName: z.string(),
  byTitle: z.string(),
})

/**
 * A featured-list file in the district files' format (README, 镇特色清单从 Excel 导入): exactly one of `xlsx` (the
 * workbook in base64, first sheet read) and `csv`. Both fit a cloud function's 100 KB request, as the roster's do.
 */
const townshipListFile = z
  .object({
    csv: z.string({ error: '清单文件格式不对' }).min(1, '清单文件是空的').max(30_000, '清单文件太大（最多约三万字），请分成几份导入').optional(),
    xlsx: xlsxBase64('请删去清单以外的内容，或分成几份导入').optional(),
  })
  .refine((input) => (input.csv === undefined) !== (input.xlsx === undefined), { error: '请选择一个清单文件（Excel 表格或 CSV）' })

const importedItem = z.object({ itemId: z.string(), code: z.string(), name: z.string() })

export const powerContract = {
  categories: action(
    z.object(villageInput),
    z.object({
      categories: z.array(z.object({ categoryId: z.string(), name: z.string(), description: z.string(), itemCount: z.number().int() })),
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
  responsibilities: action(z.object({}), z.object({ posts: z.array(z.object({ post: z.string(), duties: z.array(z.string()) })) })),
  prohibitions: action(z.object({}), z.object({ items: z.array(z.object({ order: z.number().int(), area: z.string(), text: z.string() })) })),
  history: action(z.object({ ...villageInput, cursor }), page(changeView)),
  catalog: action(z.object({}), z.object({ items: z.array(itemSummary.extend({ selected: z.boolean(), removed: z.boolean(), needsReview: z.boolean() })) })),
  select: action(
    z.object({
      itemId: id('事项编号'),
      selected: z.boolean({ error: '请说明是加入还是移出清单' }),
      note: text('变更说明', 200),
    }),
    z.object({ changeId: z.string() }),
  ),
  /** Township staff: their township's featured list, removed items included (marked). */
  townshipItems: action(
    z.object({}),
    z.object({
      items: z.array(itemSummary.extend({ removed: z.boolean(), version: z.number().int(), villageCount: z.number().int() })),
      /** the district's categories, which a featured item belongs to */
      categories: z.array(z.object({ categoryId: z.string(), name: z.string() })),
    }),
  ),
  /** One featured item in full, as the edit form fills itself. */
  townshipItem: action(
    z.object({ itemId: id('事项编号') }),
    z.object({ item: townshipItemInput.required({ itemId: true }).extend({ code: z.string(), version: z.number().int(), removed: z.boolean() }) }),
  ),
  saveTownshipItem: action(
    townshipItemInput,
    z.object({ itemId: z.string(), code: z.string(), version: z.number().int(), fields: z.array(z.string()), notified: z.number().int() }),
  ),
  removeTownshipItem: action(
    z.object({ itemId: id('事项编号'), reason: text('移除原因', 200) }),
    z.object({ version: z.number().int(), villagesToReview: z.number().int(), notified: z.number().int() }),
  ),
  /**
   * What importing the file would do, writing nothing: every bad line (Excel's row number and why), or, when
   * there is none, the new items, the changed ones with the labels of their changed fields, how many stay the
   * same, and the items of the list the file does not name (kept: an import never removes).
   */
  previewTownshipImport: action(
    townshipListFile,
    z.object({
      problems: z.array(z.object({ line: z.number().int(), reason: z.string() })),
      added: z.array(importedItem),
      changed: z.array(importedItem.extend({ fields: z.array(z.string()) })),
      unchanged: z.number().int(),
      kept: z.array(importedItem),
    }),
  ),
  /** The same file, checked again: any bad line writes nothing; each new or changed item becomes a new version. */
  importTownshipItems: action(
    townshipListFile,
    z.object({
      added: z.number().int(),
      changed: z.number().int(),
      unchanged: z.number().int(),
      /** chairs' notices queued for the changed items */
      notified: z.number().int(),
    }),
  ),
  /** The item's 变更记录, newest first. */
  itemHistory: action(z.object({ ...villageInput, itemId: id('事项编号') }), z.object({ versions: z.array(itemVersionView) })),
  /**
   * Township staff: the district list or their featured list (removed items left out) as an Excel workbook in the
   * import's format (itemColumns), in base64, for the browser to download. The district list is about 28 KB (37 KB in base64).
   */
  exportList: action(exportListInput, z.object({ filename: z.string(), xlsx: z.string(), items: z.number().int() })),
  /** The same workbook written to a private file for WeChat's two-tap share, like township.prepareExport. */
  prepareExportList: action(exportListInput, z.object({ filename: z.string(), fileId: z.string(), url: z.string(), expiresAt: z.string(), items: z.number().int() })),
}

export type PowerItemSummary = z.infer<typeof itemSummary>
export type FlowNodeView = z.infer<typeof flowNode>
export type TownshipItemInput = z.infer<typeof townshipItemInput>
export type ItemVersionView = z.infer<typeof itemVersionView>

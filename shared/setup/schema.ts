import { z, text } from '../zod'

/** The setup function's one event: it has no caller identity, only the secret set on the function. */
export const setupInput = z.object({
  secret: z.string({ error: '缺少开通密钥' }).min(1, '缺少开通密钥').max(200, '开通密钥不对'),
  township: text('乡镇名称', 30),
  district: text('区县名称', 30),
  staffName: text('第一位镇纪委干部的姓名', 20),
  staffTitle: text('职务名称', 20).default('镇纪委书记'),
})

/**
 * The operator's load of a new version of the district's power list, from the files deployed with the setup
 * function: a preview unless `apply` is true, which writes only when no line is bad.
 */
export const importPowerListInput = z.object({
  action: z.literal('importPowerList'),
  secret: setupInput.shape.secret,
  apply: z.boolean().default(false),
  /** Who loads it, as the items' 变更记录 will name them (区级清单导入 王科长); 运营方 when not given. */
  by: text('导入人', 20).optional(),
})

import { z } from 'zod'

// Fallback messages in Chinese; field-specific messages are written in the schemas.
z.config(z.locales.zhCN())

export { z }

export const id = (label: string) =>
  z.string({ error: `缺少${label}` }).trim().min(1, `缺少${label}`).max(64, `${label}格式不对`)

/** Required free text, trimmed, with a length limit counted in characters. */
export const text = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过${max}个字`)

export const optionalText = (label: string, max: number) =>
  z.string({ error: `${label}格式不对` }).trim().max(max, `${label}不能超过${max}个字`).optional()

export const cursor = z.string({ error: '翻页参数格式不对' }).max(512, '翻页参数格式不对').nullish()

/** ISO-8601 instant as stored and returned, e.g. 2026-11-21T08:00:00.000Z. */
export const instant = z.string()

export const page = <T extends z.ZodTypeAny>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() })

/** An uploaded image named in a request; its type and size are checked from the stored bytes, not trusted. */
export const photoInput = z.object({
  fileId: z.string({ error: '图片格式不对' }).min(1, '图片格式不对').max(300, '图片格式不对'),
  name: text('图片说明', 60),
})

export const photoInputs = (max: number) =>
  z.array(photoInput, { error: '图片格式不对' }).max(max, `最多${max}张图片`).optional()

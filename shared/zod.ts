import { z } from 'zod'
import { errorCodes } from './errors'

// Field-specific messages are written in the schemas. A problem no schema words (a wrong type,
// a stray value) gets the plain default: zod's own Chinese locale names types in English,
// e.g. “无效输入：期望 object，实际接收 string”, which a villager cannot act on.
z.config({ localeError: () => errorCodes.INVALID_INPUT.message })

export { z }

export const id = (label: string) =>
  z
    .string({ error: `缺少${label}` })
    .trim()
    .min(1, `缺少${label}`)
    .max(64, `${label}格式不对`)

/** Required free text, trimmed, with a length limit counted in characters. */
export const text = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过${max}个字`)

export const optionalText = (label: string, max: number) =>
  z
    .string({ error: `${label}格式不对` })
    .trim()
    .max(max, `${label}不能超过${max}个字`)
    .optional()

export const cursor = z.string({ error: '翻页参数格式不对' }).max(512, '翻页参数格式不对').nullish()

/** Township staff name the village they read; village roles may leave it out (their own village). */
export const villageInput = { villageId: id('村编号').optional() }

/** A calendar date as people write it: 2026-10-05. */
export const dateInput = (label: string) => z.string({ error: `请填写${label}` }).regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, `${label}要写成 2026-10-05 这样`)

/** An instant with its offset, e.g. 2026-11-21T20:00:00+08:00 or …Z. */
export const instantInput = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .max(40, `${label}格式不对`)
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/, `${label}格式不对`)
    .refine((s) => !Number.isNaN(Date.parse(s)), `${label}格式不对`)

export const page = <T extends z.ZodTypeAny>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() })

/** An uploaded image named in a request; its type and size are checked from the stored bytes, not trusted. */
export const photoInput = z.object({
  fileId: z.string({ error: '图片格式不对' }).min(1, '图片格式不对').max(300, '图片格式不对'),
  name: text('图片说明', 60),
})

export const photoInputs = (max: number) => z.array(photoInput, { error: '图片格式不对' }).max(max, `最多${max}张图片`).optional()

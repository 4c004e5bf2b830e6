import type { z } from '../zod'

/** An action's request and response shapes: the single source of both. */
export interface ActionContract<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I
  output: O
}

export const action = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O): ActionContract<I, O> => ({
  input,
  output,
})

export type AreaContract = Record<string, ActionContract>
/** What a caller sends (before defaults and trimming). */
export type InputOf<C> = C extends ActionContract<infer I, z.ZodType> ? z.input<I> : never
/** What a handler receives, once parsed. */
export type ParsedInputOf<C> = C extends ActionContract<infer I, z.ZodType> ? z.output<I> : never
export type OutputOf<C> = C extends ActionContract<z.ZodType, infer O> ? z.output<O> : never

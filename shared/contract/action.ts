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
export type InputOf<C extends ActionContract> = z.input<C['input']>
export type ParsedInputOf<C extends ActionContract> = z.output<C['input']>
export type OutputOf<C extends ActionContract> = z.output<C['output']>

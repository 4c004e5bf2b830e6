// What every area's labels share: the colour a status is shown in (NutUI's tag types).
export type Tone = 'success' | 'warning' | 'danger' | 'default' | 'info' | 'primary'

/** A status as the app shows it: its plain words and the colour of its tag. */
export interface Tag {
  label: string
  type: Tone
}

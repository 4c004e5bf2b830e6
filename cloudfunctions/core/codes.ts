/**
 * Makes a code that opens a page of the app for a village. In WeChat it is a
 * mini-program code (wxacode) with the village as its scene; the local host
 * has none, and the H5 app draws a QR code of the page's URL itself.
 */
export interface CodeMaker {
  /** a data: URL of the image, or null where the app draws the code */
  villageCode(villageId: string, page: string): Promise<string | null>
  /** the same for a round: scanning it opens the round's page (a panel round at a 村情发布会) */
  roundCode(roundId: string, page: string): Promise<string | null>
}

export const noCodes: CodeMaker = { villageCode: async () => null, roundCode: async () => null }

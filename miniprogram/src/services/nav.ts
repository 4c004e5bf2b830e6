import Taro from '@tarojs/taro'

/** Opens a page with query parameters; values are URI-encoded. */
export function go(url: string, query: Record<string, string | undefined> = {}): void {
  const qs = Object.entries(query)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&')
  void Taro.navigateTo({ url: qs ? `${url}?${qs}` : url })
}

/** The current page's query parameters, decoded. */
export function useQuery(): Record<string, string> {
  const params = Taro.getCurrentInstance().router?.params ?? {}
  const decoded: Record<string, string> = {}
  for (const [k, v] of Object.entries(params)) if (typeof v === 'string') decoded[k] = decodeURIComponent(v)
  return decoded
}

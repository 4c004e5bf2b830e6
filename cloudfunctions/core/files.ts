/**
 * Where attachment files live: WeChat cloud storage in the cloud, a folder
 * under the data folder on the local host. Handlers ask it what a file really
 * is (never trusting what the client says) and for a URL to show it.
 */
export interface FileStore {
  /** the file's real type (sniffed from its bytes) and size, or null when there is no such file */
  inspect(fileId: string): Promise<{ mime: string | null; size: number } | null>
  urlOf(fileId: string): Promise<string>
}

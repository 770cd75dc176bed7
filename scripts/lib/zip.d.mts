export interface ZipEntry {
  name: string;
  data: Uint8Array;
}
export declare function zip(entries: ZipEntry[]): Buffer;
export declare function unzip(archive: Uint8Array): { name: string; data: Buffer; method: number }[];

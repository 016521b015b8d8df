/** The part of @20minutes/s3rver (an S3 API on the local disk, for tests) the scale suite uses; the package ships no types. */
declare module '@20minutes/s3rver' {
  interface S3rverOptions {
    port?: number;
    address?: string;
    silent?: boolean;
    /** where buckets and objects are kept */
    directory: string;
    /** buckets created at start; `configs` are bucket configuration XML documents (CORS, website) */
    configureBuckets?: { name: string; configs: string[] }[];
  }
  export default class S3rver {
    constructor(options: S3rverOptions);
    /** starts listening; resolves to the bound address */
    run(): Promise<{ address: string; port: number }>;
    close(): Promise<void>;
  }
}

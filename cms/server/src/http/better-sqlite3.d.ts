/**
 * The part of better-sqlite3 (Strapi's SQLite driver, a dependency of the app)
 * that the content-version reader uses; the package ships no types.
 * https://github.com/WiseLibs/better-sqlite3/blob/master/docs/api.md
 */
declare module 'better-sqlite3' {
  interface Statement {
    /** the first row of the result, or undefined; synchronous */
    get(...params: unknown[]): unknown;
  }
  interface Database {
    prepare(sql: string): Statement;
    close(): void;
  }
  interface Options {
    readonly?: boolean;
    fileMustExist?: boolean;
    /** milliseconds to wait on a locked database before SQLITE_BUSY (0: fail at once) */
    timeout?: number;
  }
  const Database: new (filename: string, options?: Options) => Database;
  export = Database;
}

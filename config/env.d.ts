/** The `env` helper Strapi passes to config functions. */
interface EnvFn {
  (key: string): string | undefined;
  (key: string, defaultValue: string): string;
  int(key: string, defaultValue?: number): number;
  float(key: string, defaultValue?: number): number;
  bool(key: string, defaultValue?: boolean): boolean;
  json<T>(key: string, defaultValue?: T): T;
  array(key: string, defaultValue?: string[]): string[];
}

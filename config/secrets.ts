/**
 * Secrets have development defaults so that `npm start` works on a bare
 * machine; with NODE_ENV=production every secret must be given explicitly.
 */
export const requireSecret = (env: EnvFn, name: string, devDefault: string): string => {
  const value = env(name, '');
  if (value) return value;
  if (process.env.NODE_ENV === 'production') {
    throw new Error(`${name} is not set: NODE_ENV=production needs every secret given explicitly (see README "Production").`);
  }
  return devDefault;
};

// Strapi's config loader treats every file in config/ as a config namespace;
// this one only exports helpers, so its namespace stays empty.
export default {};

'use strict';

/*
 * The plugin's server code is TypeScript, compiled by the host app's
 * `strapi build` / `strapi develop` (root tsconfig) into dist/cms/server.
 * Strapi loads this file from the plugin folder, so point it at that output.
 */
const path = require('path');
const fs = require('fs');

const candidates = [
  // compiled as part of the host app (this repository)
  path.join(__dirname, '..', 'dist', 'cms', 'server', 'src', 'index.js'),
  // compiled standalone (plugin published on its own)
  path.join(__dirname, 'dist', 'server', 'index.js'),
];

const entry = candidates.find((file) => fs.existsSync(file));
if (!entry) {
  throw new Error(
    'The solidarity plugin is not compiled: run `npm run build` (or `strapi develop`) in the app first.'
  );
}

const mod = require(entry);
module.exports = mod.default || mod;

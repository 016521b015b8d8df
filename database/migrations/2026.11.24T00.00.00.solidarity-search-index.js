'use strict';

/**
 * Full-text search index of the solidarity plugin (FTS5 on SQLite, tsvector +
 * GIN on PostgreSQL). The DDL lives with the plugin, compiled into dist/ by the
 * build that precedes every start.
 */
const path = require('path');

const ddl = () => require(path.join(__dirname, '..', '..', 'dist', 'cms', 'server', 'src', 'search', 'ddl.js'));

module.exports = {
  async up(knex) {
    await ddl().createSearchSchema(knex);
  },
  async down(knex) {
    await ddl().dropSearchSchema(knex);
  },
};

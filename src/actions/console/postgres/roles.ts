/** The roles of the shop cluster, for connections and ALTER ROLE. */
export const ROLES = [
  'postgres',
  'app',
  'replicator',
  'metabase',
  'billing',
  'postgres_exporter',
  'analyst',
  'migrator',
] as const;

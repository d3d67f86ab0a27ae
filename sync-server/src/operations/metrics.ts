// Prometheus metrics (/metrics). One registry per server rather than prom-client's global one, so
// several servers in one process (tests, two nodes) never count into each other.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export function createSyncMetrics({ processMetrics = false } = {}) {
  const registry = new Registry();
  if (processMetrics) collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    connections: new Gauge({
      name: 'sync_connections',
      help: 'Open sync websocket connections.',
      registers,
    }),
    loadedDocuments: new Gauge({
      name: 'sync_loaded_documents',
      help: 'Documents loaded in memory.',
      registers,
    }),
    updates: new Counter({
      name: 'sync_updates_total',
      help: 'Document updates accepted (rate() gives updates per second).',
      registers,
    }),
    refusedUpdates: new Counter({
      name: 'sync_refused_updates_total',
      help: 'Updates refused, by reason.',
      labelNames: ['reason'] as const,
      registers,
    }),
    roomResets: new Counter({
      name: 'sync_room_resets_total',
      help: 'Rooms reset and reloaded from the log: after a refusal judged in place (SYNC17) or an update that failed half-applied.',
      labelNames: ['why'] as const,
      registers,
    }),
    commitSeconds: new Histogram({
      name: 'sync_commit_duration_seconds',
      help: 'From handing updates to storage until their commit (what an acknowledgement waits for).',
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    }),
    databaseReachable: new Gauge({
      name: 'sync_database_reachable',
      help: '1 while the database answers, 0 while it is out of reach (SYNC30).',
      registers,
    }),
    saveFailures: new Counter({
      name: 'sync_save_failures_total',
      help: 'Failed saves (each is retried).',
      registers,
    }),
    closes: new Counter({
      name: 'sync_closed_connections_total',
      help: 'Connections the server closed, by close code.',
      labelNames: ['code'] as const,
      registers,
    }),
    bytesIn: new Counter({
      name: 'sync_received_bytes_total',
      help: 'Bytes received in websocket messages.',
      registers,
    }),
    bytesOut: new Counter({
      name: 'sync_sent_bytes_total',
      help: 'Bytes sent in websocket messages.',
      registers,
    }),
    refusedPresence: new Counter({
      name: 'sync_refused_presence_total',
      help: 'Presence (awareness) entries dropped, by reason.',
      labelNames: ['reason'] as const,
      registers,
    }),
    accessChanges: new Counter({
      name: 'sync_access_changes_total',
      help: 'Open connections whose access changed (closed, downgraded to read-only, or upgraded).',
      labelNames: ['change'] as const,
      registers,
    }),
    projections: new Counter({
      name: 'sync_projections_total',
      help: 'Projection runs of documents into analytics tables, by outcome.',
      labelNames: ['outcome'] as const,
      registers,
    }),
    projectionSeconds: new Histogram({
      name: 'sync_projection_duration_seconds',
      help: 'Time to project one document and write its changed rows.',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    }),
    projectedRows: new Counter({
      name: 'sync_projected_rows_total',
      help: 'Analytics rows written by projections (unchanged rows are skipped).',
      registers,
    }),
    peerMessages: new Counter({
      name: 'sync_peer_messages_total',
      help: 'Messages exchanged with other nodes through Redis, by direction and kind.',
      labelNames: ['direction', 'kind'] as const,
      registers,
    }),
    catchUps: new Counter({
      name: 'sync_catch_up_updates_total',
      help: 'Updates read back from the log because this node had missed them.',
      registers,
    }),
  };
}

export type SyncMetrics = ReturnType<typeof createSyncMetrics>;

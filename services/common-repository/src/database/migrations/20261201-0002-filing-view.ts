import type { SqlMigration } from '@ics2/event-store';

/** One row per filing: consultation (IE3Q05), search by transport document, arrival matching, isolation, expiry. */
export const filingView: SqlMigration = {
  id: '20261201-0002-filing-view',
  sql: `
    CREATE TABLE common_repository.filing_view (
      mrn                      text        PRIMARY KEY,
      -- the stream revision this row reflects: an event applies only at revision + 1
      revision                 integer     NOT NULL,
      lrn                      text        NOT NULL,
      filing_type              text        NOT NULL,
      level                    text        NOT NULL,
      status                   text        NOT NULL,
      filed_by                 text        NOT NULL,
      declarant                text        NOT NULL,
      representative           text,
      carrier                  text,
      -- everyone who may see the filing: filer, declarant, representative, carrier
      parties                  text[]      NOT NULL,
      registered_at            timestamptz NOT NULL,
      amended_at               timestamptz,
      arrived_at               timestamptz,
      arrival_mrn              text,
      presented_at             timestamptz,
      invalidated_at           timestamptz,
      responsible_member_state text,
      involved_member_states   text[]      NOT NULL DEFAULT '{}',
      master_document          text,
      house_documents          text[]      NOT NULL DEFAULT '{}',
      transport_means          text,
      conveyance_reference     text,
      estimated_arrival        timestamptz,
      linked                   jsonb       NOT NULL DEFAULT '[]',
      missing                  text[]      NOT NULL DEFAULT '{}',
      consistency              text,
      control_noted            boolean     NOT NULL DEFAULT false,
      filing                   jsonb       NOT NULL
    );
    CREATE INDEX filing_view_parties_idx ON common_repository.filing_view USING gin (parties);
    CREATE INDEX filing_view_master_document_idx ON common_repository.filing_view (master_document);
    CREATE INDEX filing_view_house_documents_idx ON common_repository.filing_view USING gin (house_documents);
    CREATE INDEX filing_view_transport_idx ON common_repository.filing_view (transport_means, estimated_arrival);
    CREATE INDEX filing_view_unpresented_idx ON common_repository.filing_view (registered_at)
      WHERE status NOT IN ('presented', 'invalidated', 'rejected');`,
};

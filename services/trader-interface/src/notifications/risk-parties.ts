/**
 * risk_parties (migration 20261215-0001): whom each risk analysis's outcome is told to, kept by the inbox
 * projection from the analysis's RiskAnalysed. RiskAssessmentCompleted names only its analysis; the person filing
 * and the carrier are in the RiskAnalysed before it on the same `risk-<mrn>` stream, so in the same partition and
 * always projected first, live or in a rebuild. (filing_index, by contrast, is written from the `ens-<mrn>` stream,
 * which may sit in a partition that lags.) Insert-or-ignore: an analysis's parties are a fact, and a redelivered
 * RiskAnalysed changes nothing. Raw SQL, like inbox_sequences: no entity needed for two statements.
 */
import type { RiskAnalysed } from '@ics2/contracts';
import type { ReadModelTransaction } from '@ics2/platform';
import { TRADER_INTERFACE_SCHEMA } from '../database/schema';
import type { AnalysisParties } from './notification';

const TABLE = `${TRADER_INTERFACE_SCHEMA}.risk_parties`;

export const partiesOfAnalysis = (d: RiskAnalysed['data']): AnalysisParties => ({
  mrn: d.mrn,
  analysisId: d.analysisId,
  personFiling: d.personFiling,
  ...(d.carrier ? { carrier: d.carrier } : {}),
  ...(d.memberFilers ? { memberFilers: d.memberFilers.map(({ mrn, personFiling }) => ({ mrn, personFiling })) } : {}),
});

export async function recordAnalysisParties(tx: ReadModelTransaction, parties: AnalysisParties): Promise<void> {
  await tx.query(`INSERT INTO ${TABLE} (mrn, analysis_id, person_filing, carrier, member_filers) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (mrn, analysis_id) DO NOTHING`, [
    parties.mrn,
    parties.analysisId,
    parties.personFiling,
    parties.carrier ?? null,
    parties.memberFilers ? JSON.stringify(parties.memberFilers) : null,
  ]);
}

export async function analysisParties(tx: ReadModelTransaction, mrn: string, analysisId: string): Promise<AnalysisParties | undefined> {
  const [row] = await tx.query<{ person_filing: string; carrier: string | null; member_filers: AnalysisParties['memberFilers'] | null }>(
    `SELECT person_filing, carrier, member_filers FROM ${TABLE} WHERE mrn = $1 AND analysis_id = $2`,
    [mrn, analysisId],
  );
  return row
    ? { mrn, analysisId, personFiling: row.person_filing, ...(row.carrier ? { carrier: row.carrier } : {}), ...(row.member_filers ? { memberFilers: row.member_filers } : {}) }
    : undefined;
}

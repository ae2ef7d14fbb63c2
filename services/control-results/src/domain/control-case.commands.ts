/** What can be asked of an ENS's control stream; every input as data (the clock, the user, the case's facts). */
import type { Command } from '@ics2/domain';
import type { ControlCaseOpened, ControlFindings, MemberStateUser } from '@ics2/contracts';

export type OpenControlCase = Command<'OpenControlCase', ControlCaseOpened['data']>;

export type DecideControl = Command<
  'DecideControl',
  {
    readonly caseId: string;
    readonly control: boolean;
    readonly controlType?: string;
    readonly office?: string;
    readonly place?: string;
    readonly scheduledAt?: string;
    readonly reason?: string;
    /** The ENS's filings and their persons filing as the common repository now holds them (head first), if known. */
    readonly ensMembers?: readonly { readonly mrn: string; readonly personFiling: string }[];
    readonly user: MemberStateUser;
    readonly at: string;
  }
>;

export type RecordControlResult = Command<
  'RecordControlResult',
  {
    readonly caseId: string;
    readonly outcome: string;
    readonly findings: ControlFindings;
    readonly released: boolean;
    readonly corrects?: string;
    readonly user: MemberStateUser;
    readonly at: string;
  }
>;

export type ControlCommand = OpenControlCase | DecideControl | RecordControlResult;

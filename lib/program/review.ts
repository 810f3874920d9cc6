import type { BuyingRole } from '../db/contacts';
import type { Touchpoint } from '../db/touchpoints';
import type { AccountView } from '../scoring/account-view';
import { commitmentsFor } from '../scoring/commitments';
import type { Trend } from '../scoring/engagement';
import type { GradeLetter, Settings, Tier } from '../settings/types';
import type { ScoreRow } from './score-row';
import { type FollowUp, followUps, quarterOf, type SlaKept, slaKept, type TierChange, tierAt } from './sla';

/**
 * The quarterly account review with a rep (DESIGN.md: "Accounts are promoted and demoted at
 * regular account reviews, and a target loses its designation by agreed criteria"), generated
 * from the data: the Tier 1 list and the model's proposals, each Tier 1 account's status,
 * champion, blocker and open actions, how each tier's response SLA was kept over the quarter,
 * and each tier's committed programs.
 */

/** What the model proposes for an account at the review, and why. */
export interface ReviewProposal {
  id: string;
  name: string;
  kind: 'add' | 'promote' | 'demote' | 'remove' | 'drop-target';
  from?: Tier;
  to?: Tier;
  why: string;
}

/** One Tier 1 account as the review goes through it. */
export interface ReviewAccount {
  id: string;
  name: string;
  stage?: string;
  opportunity?: { name: string; amount?: number; stage?: string };
  trend: Trend;
  engagement: number;
  lastTouchAt?: number;
  /** Names of the contacts holding the role; empty: "not mapped". */
  champions: string[];
  blockers: string[];
  actions: { title: string; due: number; owner: string }[];
  lastReviewedAt?: number;
}

export interface ReviewTier {
  tier: Tier;
  name: string;
  accounts: number;
  sla: SlaKept;
  slaHours: number;
  programs: { name: string; owner: string; cadence: string }[];
}

export interface Review {
  rep: string;
  quarter: { from: number; to: number; name: string };
  generatedAt: number;
  proposals: ReviewProposal[];
  tier1: ReviewAccount[];
  tiers: ReviewTier[];
}

/** When a target account loses its designation: the agreed criteria, from the settings. */
export interface TargetCriteria {
  /** No touchpoint for this many days. */
  quietDays: number;
  /** A worst-case grade below this one (the target list is A to C by default). */
  minGrade: GradeLetter;
}

const GRADES: readonly GradeLetter[] = ['A', 'B', 'C', 'D', 'F'];
const DAY = 86_400_000;

/** Why a target no longer meets the criteria, or undefined when it does. */
export function losesTarget(row: ScoreRow, criteria: TargetCriteria, now: number): string | undefined {
  if (!row.isTarget) return undefined;
  const worst = row.gradeWorst;
  if (worst !== null && GRADES.indexOf(worst) > GRADES.indexOf(criteria.minGrade)) {
    return `grade ${worst} (worst case) is below ${criteria.minGrade}, the lowest grade a target keeps`;
  }
  const quiet = row.lastTouchAt === undefined ? Number.POSITIVE_INFINITY : (now - row.lastTouchAt) / DAY;
  if (quiet >= criteria.quietDays) {
    return row.lastTouchAt === undefined
      ? 'no touchpoint at all'
      : `no touchpoint for ${Math.floor(quiet)} days (the criterion is ${criteria.quietDays})`;
  }
  return undefined;
}

const recommendationWords = (row: ScoreRow) =>
  `grade ${row.grade === null ? 'unknown' : `${row.grade}${row.uncertain ? '?' : ''}`}, engagement ${row.engagement}`;

/** The model's proposals for the rep's accounts: into and out of Tier 1 and between tiers, and targets to drop. */
export function reviewProposals(rows: readonly ScoreRow[], criteria: TargetCriteria, now: number): ReviewProposal[] {
  const out: ReviewProposal[] = [];
  for (const row of rows) {
    const { id, name, assignedTier: from, recommendedTier: to } = row;
    const base = { id, name, from, to };
    if (from !== to) {
      if (from === undefined)
        out.push({ ...base, kind: 'add', why: `recommended for Tier ${to}: ${recommendationWords(row)}` });
      else if (to === undefined)
        out.push({ ...base, kind: 'remove', why: `no tier fits now: ${recommendationWords(row)}` });
      else if (to < from)
        out.push({ ...base, kind: 'promote', why: `recommended for Tier ${to}: ${recommendationWords(row)}` });
      else out.push({ ...base, kind: 'demote', why: `recommended for Tier ${to}: ${recommendationWords(row)}` });
    }
    const lose = losesTarget(row, criteria, now);
    if (lose) out.push({ ...base, kind: 'drop-target', why: lose });
  }
  // Tier 1 first (what the review is about), then by kind, then by name.
  const order = ['promote', 'add', 'demote', 'remove', 'drop-target'];
  const touchesTier1 = (p: ReviewProposal) => (p.from === 1 || p.to === 1 ? 0 : 1);
  return out.sort(
    (a, b) =>
      touchesTier1(a) - touchesTier1(b) ||
      order.indexOf(a.kind) - order.indexOf(b.kind) ||
      a.name.localeCompare(b.name),
  );
}

const holders = (view: AccountView, role: BuyingRole) =>
  view.roles.roles.find((r) => r.role === role)?.contacts.map((c) => c.name) ?? [];

/** A Tier 1 account's status for the review, from its full scored view. */
export function reviewAccount(view: AccountView): ReviewAccount {
  const { account, engagement } = view;
  return {
    id: account.id,
    name: account.name,
    stage: account.lifecycleStage,
    opportunity: account.openOpportunity,
    trend: engagement.trend,
    engagement: Math.round(engagement.score),
    lastTouchAt: engagement.lastTouchAt,
    champions: holders(view, 'CHAMPION'),
    blockers: holders(view, 'BLOCKER'),
    actions: view.actions.map((a) => ({ title: a.title, due: a.due, owner: a.owner })),
    lastReviewedAt: account.lastReviewedAt,
  };
}

/**
 * The review of `rep`'s accounts: `rows` are all their score rows, `tier1` the full views of
 * their Tier 1 accounts, `touchpoints` every touchpoint of their accounts (for the SLA),
 * `tierChanges` their logged tier changes. A follow-up counts for the tier its account had when
 * the follow-up opened, against that tier's SLA: an account promoted in the quarter's last week
 * does not bring its Tier 2 weeks into Tier 1's figures.
 */
export function buildReview(input: {
  rep: string;
  rows: readonly ScoreRow[];
  tier1: readonly AccountView[];
  touchpoints: ReadonlyMap<string, readonly Touchpoint[]>;
  tierChanges?: ReadonlyMap<string, readonly TierChange[]>;
  settings: Settings;
  criteria: TargetCriteria;
  now: number;
}): Review {
  const { rep, rows, tier1, touchpoints, settings, criteria, now } = input;
  const quarter = quarterOf(now);
  const hours = new Map(settings.tiers.map((t) => [t.tier, t.responseSlaHours]));
  const byTier = new Map<Tier, FollowUp[]>();
  for (const r of rows) {
    const changes = input.tierChanges?.get(r.id) ?? [];
    const tierThen = (at: number) => tierAt(changes, at, r.assignedTier);
    const all = followUps(touchpoints.get(r.id) ?? [], (at) => hours.get(tierThen(at) as Tier), quarter, now);
    for (const f of all) {
      const tier = tierThen(f.openedAt);
      if (tier === undefined) continue;
      const list = byTier.get(tier) ?? [];
      if (!byTier.has(tier)) byTier.set(tier, list);
      list.push(f);
    }
  }
  const tiers: ReviewTier[] = [...settings.tiers]
    .sort((a, b) => a.tier - b.tier)
    .map((def) => {
      const inTier = rows.filter((r) => r.assignedTier === def.tier);
      const all = byTier.get(def.tier) ?? [];
      return {
        tier: def.tier,
        name: def.name,
        accounts: inTier.length,
        sla: slaKept(all),
        slaHours: def.responseSlaHours,
        programs: commitmentsFor(def.tier, settings).programs.map((c) => ({
          name: c.program.name,
          owner: c.program.owner,
          cadence: c.cadence,
        })),
      };
    });
  return {
    rep,
    quarter,
    generatedAt: now,
    proposals: reviewProposals(rows, criteria, now),
    tier1: tier1.map(reviewAccount).sort((a, b) => a.name.localeCompare(b.name)),
    tiers,
  };
}

/** A date as YYYY-MM-DD where the user is, as the quarter and business hours are. */
const day = (ms: number) => {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};
const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });

/** Text for a Markdown table cell: one line, pipes and markup characters escaped. */
export function cell(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/([\\`*_[\]<>|#])/g, '\\$1')
    .trim();
}

/** What each kind of proposal asks, in the words of the review. */
export const KIND_WORDS: Record<ReviewProposal['kind'], string> = {
  add: 'Add',
  promote: 'Promote',
  demote: 'Demote',
  remove: 'Remove from tiers',
  'drop-target': 'Drop as target',
};

const tierWords = (t: Tier | undefined) => (t === undefined ? 'untiered' : `Tier ${t}`);

/** The review as Markdown: what the meeting's notes start from. */
/** Who sits in the review besides the rep: their BDR and their manager, as the user typed them. */
export interface ReviewAttendees {
  bdr?: string;
  manager?: string;
}

/** "Alex Morgan (rep), Sam Lee (BDR) and Kim Park (manager)", or undefined with only the rep. */
export function attendeesWords(rep: string, { bdr, manager }: ReviewAttendees): string | undefined {
  const others = [bdr?.trim() && `${bdr.trim()} (BDR)`, manager?.trim() && `${manager.trim()} (manager)`].filter(
    (w): w is string => !!w,
  );
  if (!others.length) return undefined;
  return `${rep} (rep), ${others.join(' and ')}`;
}

export function reviewMarkdown(review: Review, attendees: ReviewAttendees = {}): string {
  const lines: string[] = [];
  lines.push(`# Account review: ${cell(review.rep)}, ${review.quarter.name}`, '');
  const with_ = attendeesWords(review.rep, attendees);
  if (with_) lines.push(`With ${cell(with_)}.`, '');
  lines.push(
    `Generated by Tierlens on ${day(review.generatedAt)} for ${day(review.quarter.from)} to ${day(review.quarter.to - 1)}.`,
    '',
  );
  lines.push('## Proposals', '');
  if (review.proposals.length === 0) lines.push('The model proposes no change.', '');
  else {
    lines.push('| Account | Proposal | From | To | Why |', '|---|---|---|---|---|');
    for (const p of review.proposals) {
      lines.push(
        `| ${cell(p.name)} | ${KIND_WORDS[p.kind]} | ${tierWords(p.from)} | ${p.kind === 'drop-target' ? '—' : tierWords(p.to)} | ${cell(p.why)} |`,
      );
    }
    lines.push('');
  }
  lines.push(`## Tier 1 accounts (${review.tier1.length})`, '');
  for (const a of review.tier1) {
    lines.push(`### ${cell(a.name)}`, '');
    const opp = a.opportunity
      ? `${cell(a.opportunity.name)}${a.opportunity.amount !== undefined ? `, ${usd.format(a.opportunity.amount)}` : ''}${a.opportunity.stage ? ` (${cell(a.opportunity.stage)})` : ''}`
      : 'none';
    lines.push(
      `- Stage: ${a.stage ? cell(a.stage) : 'unknown'}`,
      `- Open opportunity: ${opp}`,
      `- Engagement: ${a.engagement}, ${a.trend}; last touch ${a.lastTouchAt === undefined ? 'never' : day(a.lastTouchAt)}`,
      `- Champion: ${a.champions.length ? a.champions.map(cell).join(', ') : 'not mapped'}`,
      `- Blocker: ${a.blockers.length ? a.blockers.map(cell).join(', ') : 'not mapped'}`,
      `- Last reviewed: ${a.lastReviewedAt === undefined ? 'never' : day(a.lastReviewedAt)}`,
    );
    if (a.actions.length === 0) lines.push('- Next actions: none');
    else {
      lines.push('- Next actions:');
      for (const act of a.actions) lines.push(`  - ${cell(act.title)} (${cell(act.owner)}, due ${day(act.due)})`);
    }
    lines.push('');
  }
  lines.push('## Response SLA this quarter', '');
  lines.push('| Tier | Accounts | SLA | Kept | Late | Overdue | Open |', '|---|---|---|---|---|---|---|');
  for (const t of review.tiers) {
    lines.push(
      `| Tier ${t.tier} ${cell(t.name)} | ${t.accounts} | ${t.slaHours} business hours | ${t.sla.kept} | ${t.sla.late} | ${t.sla.overdue} | ${t.sla.open} |`,
    );
  }
  lines.push('', '## Committed programs', '');
  for (const t of review.tiers) {
    lines.push(`### Tier ${t.tier} ${cell(t.name)}`, '');
    if (t.programs.length === 0) lines.push('No committed program.');
    for (const p of t.programs) {
      lines.push(`- ${cell(p.name)} (${cell(p.owner)})${p.cadence === 'committed' ? '' : `: ${cell(p.cadence)}`}`);
    }
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

import { type FormEvent, useState } from 'react';
import { browser } from 'wxt/browser';
import { EditState, UNDOABLE_UNTIL_SENT } from '@/components/shared/edit-state';
import { useEditActions } from '@/components/shared/use-edit-actions';
import { usePendingValue } from '@/components/shared/use-pending-value';
import { useSettings } from '@/components/shared/use-settings';
import type { Account } from '@/lib/db/accounts';
import { tierWords, valueWords } from '@/lib/edits/describe';
import type { EditedAccount, FieldEdit } from '@/lib/edits/overlay';
import { recordEdit } from '@/lib/edits/record';
import { tierRight } from '@/lib/edits/tier-owner';
import type { Settings, Tier } from '@/lib/settings/types';

/** The tiers to choose from: the model's, and the account's own if the model has no such tier. */
function tierOptions(settings: Settings, current: Tier | undefined): { tier: Tier; label: string }[] {
  const options = [...settings.tiers]
    .sort((a, b) => a.tier - b.tier)
    .map((t) => ({ tier: t.tier, label: `Tier ${t.tier} ${t.name}` }));
  if (current !== undefined && !options.some((o) => o.tier === current)) {
    options.push({ tier: current, label: `Tier ${current}` });
  }
  return options;
}

const parseTier = (value: string): Tier | null => (value === '' ? null : (Number(value) as Tier));

/**
 * The tier, as the user may change it: the account's owner (or anyone, for an account without
 * one) sets it; anyone else proposes one with a reason, which never overwrites it.
 */
export function TierControl({
  account,
  field,
  proposal,
  recommended,
  settings,
}: {
  account: Account;
  field?: FieldEdit;
  proposal?: EditedAccount['proposal'];
  /** The model's recommendation: what a proposal starts from. */
  recommended?: Tier;
  settings: Settings;
}) {
  const right = tierRight(settings.me, account);
  const current = account.assignedTier;
  const [selected, hold] = usePendingValue<Tier | null>(current ?? null);
  const { run, busy, error } = useEditActions();
  const options = tierOptions(settings, current);

  const change = (value: Tier | null) => {
    if (value === (current ?? null)) return;
    hold(value);
    void run((db, now) =>
      recordEdit(
        db,
        {
          kind: 'tier',
          entityId: account.id,
          accountId: account.id,
          value,
          base: current ?? null,
          by: settings.me,
          accountName: account.name,
        },
        now,
      ),
    ).then((ok) => ok || hold(undefined));
  };

  return (
    <div className="tier-edit">
      {right.may === 'change' ? (
        <div className="edit-row">
          <label className="inline-field">
            <span>Your tier</span>
            <select value={selected ?? ''} disabled={busy} onChange={(e) => change(parseTier(e.target.value))}>
              <option value="">Untiered</option>
              {options.map((o) => (
                <option key={o.tier} value={o.tier}>
                  {o.label}
                </option>
              ))}
            </select>
          </label>
          {field && (
            <EditState
              edit={field}
              accountId={account.id}
              about={`the tier of ${account.name}`}
              mine={tierWords(current ?? null)}
              canUndo
            />
          )}
        </div>
      ) : (
        <ProposeTier
          account={account}
          options={options}
          initial={recommended ?? current ?? options[0]?.tier ?? null}
          settings={settings}
          meMissing={right.meMissing}
        />
      )}
      {proposal && (
        <div className="proposal">
          <p>
            Proposed: <strong>{tierWords(proposal.tier)}</strong> — “{proposal.reason}”
            <span className="muted"> · by {proposal.by || 'you'}</span>
          </p>
          <EditState
            edit={proposal}
            accountId={account.id}
            about="your tier proposal"
            mine={valueWords('tier_proposal', proposal)}
            canUndo={UNDOABLE_UNTIL_SENT.has(proposal.state)}
          />
        </div>
      )}
      {error && (
        <p className="edit-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** "Propose a tier": a tier and a required reason, recorded as a proposal for the owner. */
function ProposeTier({
  account,
  options,
  initial,
  settings,
  meMissing,
}: {
  account: Account;
  options: { tier: Tier; label: string }[];
  initial: Tier | null;
  settings: Settings;
  meMissing: boolean;
}) {
  const [open, setOpen] = useState(false);
  const [tier, setTier] = useState<Tier | null>(initial);
  const [reason, setReason] = useState('');
  const { run, busy, error } = useEditActions();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const why = reason.trim();
    if (!why) return;
    const ok = await run((db, now) =>
      recordEdit(
        db,
        {
          kind: 'tier_proposal',
          entityId: account.id,
          accountId: account.id,
          value: { tier, reason: why, by: settings.me },
          base: null,
        },
        now,
      ),
    );
    if (ok) {
      setReason('');
      setOpen(false);
    }
  };
  return (
    <>
      <div className="edit-row">
        <span className="muted">{account.owner ?? account.ownerId} owns this tier.</span>
        <button type="button" className="edit-button" aria-expanded={open} onClick={() => setOpen(!open)}>
          Propose a tier
        </button>
      </div>
      {meMissing && (
        <p className="hint">
          If this is your account,{' '}
          <a href={browser.runtime.getURL('/options.html#you')} target="_blank" rel="noreferrer">
            set your name in the settings
          </a>{' '}
          (or your email), as your CRM shows owners, to change its tier yourself.
        </p>
      )}
      {open && (
        <form className="edit-form proposal-form" onSubmit={submit}>
          <label className="inline-field">
            <span>Proposed tier</span>
            <select value={tier ?? ''} onChange={(e) => setTier(parseTier(e.target.value))}>
              {options.map((o) => (
                <option key={o.tier} value={o.tier}>
                  {o.label}
                </option>
              ))}
              <option value="">Untiered</option>
            </select>
          </label>
          <label className="stacked-field">
            <span>Reason (required)</span>
            <textarea rows={2} required maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
          <div className="edit-row">
            <button type="submit" className="edit-button primary-small" disabled={busy || reason.trim() === ''}>
              Send proposal
            </button>
            <button type="button" className="link" onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
          {error && (
            <p className="edit-error" role="alert">
              {error}
            </p>
          )}
        </form>
      )}
    </>
  );
}

/** The target-account flag, checked or not, with where the change stands. */
export function TargetControl({ account, field }: { account: Account; field?: FieldEdit }) {
  const { run, busy, error } = useEditActions();
  const [checked, hold] = usePendingValue(account.isTarget);
  // Who designates, for the change log.
  const me = useSettings()?.me;
  const toggle = (value: boolean) => {
    hold(value);
    void run((db, now) =>
      recordEdit(
        db,
        {
          kind: 'target',
          entityId: account.id,
          accountId: account.id,
          value,
          base: account.isTarget,
          by: me,
          accountName: account.name,
        },
        now,
      ),
    ).then((ok) => ok || hold(undefined));
  };
  return (
    <div className="edit-row">
      <label className="check">
        <input type="checkbox" checked={checked} disabled={busy} onChange={(e) => toggle(e.target.checked)} /> Target
        account
      </label>
      {field && (
        <EditState
          edit={field}
          accountId={account.id}
          about={`the target flag of ${account.name}`}
          mine={valueWords('target', account.isTarget)}
          canUndo
        />
      )}
      {error && (
        <p className="edit-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

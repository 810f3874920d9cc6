import { useEffect, useMemo, useState } from 'react';
import { browser } from 'wxt/browser';
import { SourcesSection } from '@/components/sources/sources-section';
import { getDb } from '@/lib/db/db';
import { SOMEONE } from '@/lib/edits/record';
import { logModelChange } from '@/lib/program/change-log-model';
import { applyManagedModels, type ManagedModels } from '@/lib/settings/managed';
import { loadManagedModels, loadOwnSettings, saveSettings } from '@/lib/settings/store';
import type { Settings } from '@/lib/settings/types';
import { validateSettings } from '@/lib/settings/validate';
import { AdaptersEditor } from './adapters-editor';
import { CommitmentsEditor } from './commitments-editor';
import { DataPrivacy } from './data-privacy';
import type { EditorProps } from './draft';
import { EditsSection } from './edits-section';
import { EngagementEditor } from './engagement-editor';
import { IcpEditor } from './icp-editor';
import { ImportExport } from './import-export';
import { ManagedByTeam, ownPart } from './managed-by-team';
import { OrchestrationEditor } from './orchestration-editor';
import { PermissionsSection } from './permissions-section';
import { PreviewPanel } from './preview-panel';
import { ProblemList, ProblemsContext } from './problems';
import { RoleRulesEditor } from './role-rules-editor';
import { RulesEditor } from './rules-editor';
import { TiersEditor } from './tiers-editor';
import { useAccountRows } from './use-account-rows';
import { YouAndWriteBack } from './you-and-write-back';

type Status = 'idle' | 'saving' | 'saved' | 'invalid' | { error: string };

/** The options page: the org's models as a draft, saved whole when valid, with a live preview. */
export function OptionsApp() {
  const [saved, setSaved] = useState<Settings>();
  const [draft, setDraft] = useState<Settings>();
  const [own, setOwn] = useState<Settings>();
  const [managed, setManaged] = useState<ManagedModels>();
  const [status, setStatus] = useState<Status>('idle');
  // The preview's reading of every account (one per page): the change log counts what a save did.
  const rows = useAccountRows();

  // The draft is the models in force: the user's own, with the team's sections in their place.
  useEffect(() => {
    void Promise.all([loadOwnSettings(), loadManagedModels()]).then(([mine, team]) => {
      const inForce = applyManagedModels(mine, team);
      setOwn(mine);
      setManaged(team);
      setSaved(inForce);
      setDraft(inForce);
    });
  }, []);

  // After a refused save, the list follows the draft, so that it empties as the problems are fixed.
  const problems = useMemo(() => {
    if (status !== 'invalid' || !draft) return [];
    const result = validateSettings(draft);
    return result.ok ? [] : result.problems;
  }, [status, draft]);
  const dirty = useMemo(() => !!draft && JSON.stringify(draft) !== JSON.stringify(saved), [draft, saved]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  if (!draft) return <p className="muted options-loading">Loading settings…</p>;

  const update: EditorProps['update'] = (change) => {
    setDraft((d) => (d ? change(d) : d));
    setStatus((s) => (s === 'invalid' ? s : 'idle'));
  };
  const save = async () => {
    setStatus('saving');
    try {
      const result = await saveSettings(own ? ownPart(draft, own, managed) : draft);
      if (!result.ok) return setStatus('invalid');
      const inForce = applyManagedModels(result.settings, managed);
      // The change log: what changed and what it did to the accounts (left out while they are read).
      if (saved) {
        await logModelChange(getDb(), {
          before: saved,
          after: inForce,
          who: inForce.me || SOMEONE,
          now: Date.now(),
          rows: Array.isArray(rows) ? rows : undefined,
        }).catch((e: unknown) => console.warn('Tierlens: the change log entry was not written', e));
      }
      setOwn(result.settings);
      setSaved(inForce);
      setDraft(inForce);
      setStatus('saved');
    } catch (error) {
      setStatus({ error: error instanceof Error ? error.message : String(error) });
    }
  };
  const discard = () => {
    setDraft(saved);
    setStatus('idle');
  };
  const props: EditorProps = { draft, update };

  return (
    <ProblemsContext.Provider value={problems}>
      <div className="options">
        <header className="options-head">
          <h1>Tierlens settings</h1>
          <p className="muted">The org's models: how accounts are graded, tiered, worked and scored.</p>
          <nav className="options-nav" aria-label="On this page">
            <a href="#sources">Sources and data</a>
            <a href="#edits">Edits</a>
            <a href="#you">Your name and write-back</a>
          </nav>
          <nav className="options-nav" aria-label="Views">
            <a
              href={browser.runtime.getURL('/accounts.html')}
              onClick={(e) => {
                e.preventDefault();
                void browser.tabs.create({ url: browser.runtime.getURL('/accounts.html') });
              }}
            >
              Open the Accounts view
            </a>
            <span className="muted">every account's grade, tier and engagement in one list</span>
          </nav>
        </header>
        <div className="options-body">
          <main className="editors">
            <SourcesSection />
            <EditsSection />
            <YouAndWriteBack {...props} managed={managed} />
            <ManagedByTeam managed={managed} sections={['icp']}>
              <IcpEditor {...props} />
            </ManagedByTeam>
            <ManagedByTeam managed={managed} sections={['tierModel', 'tiers']}>
              <TiersEditor {...props} />
            </ManagedByTeam>
            <ManagedByTeam managed={managed} sections={['programs']}>
              <CommitmentsEditor {...props} />
            </ManagedByTeam>
            <ManagedByTeam managed={managed} sections={['orchestration']}>
              <OrchestrationEditor {...props} />
            </ManagedByTeam>
            <ManagedByTeam managed={managed} sections={['engagement']}>
              <EngagementEditor {...props} />
            </ManagedByTeam>
            <ManagedByTeam managed={managed} sections={['rules']}>
              <RulesEditor {...props} />
            </ManagedByTeam>
            <ManagedByTeam managed={managed} sections={['roleRules']}>
              <RoleRulesEditor {...props} />
            </ManagedByTeam>
            <ManagedByTeam managed={managed} sections={['adapters', 'platforms']}>
              <AdaptersEditor {...props} />
            </ManagedByTeam>
            <PermissionsSection />
            <ImportExport draft={draft} onImport={(s) => update(() => s)} />
            <DataPrivacy />
          </main>
          <aside className="sidebar">
            <div className="save-bar section">
              <div className="save-actions">
                <button
                  type="button"
                  className="primary"
                  onClick={save}
                  disabled={status === 'saving' || (!dirty && status !== 'invalid')}
                >
                  Save
                </button>
                <button type="button" className="secondary" onClick={discard} disabled={!dirty}>
                  Discard
                </button>
                <span role="status" className={status === 'saved' ? 'ok' : 'muted'}>
                  {status === 'saved' ? 'Saved' : dirty ? 'Unsaved changes' : ''}
                </span>
              </div>
              {problems.length > 0 && (
                <div className="notice notice-error problems" role="alert">
                  <p>
                    Nothing was saved: {problems.length} problem{problems.length === 1 ? '' : 's'} to fix.
                  </p>
                  <ProblemList problems={problems} />
                </div>
              )}
              {typeof status === 'object' && (
                <p className="notice notice-error" role="alert">
                  Could not save: {status.error}
                </p>
              )}
            </div>
            <PreviewPanel draft={draft} />
          </aside>
        </div>
      </div>
    </ProblemsContext.Provider>
  );
}

import { useCallback, useEffect, useRef, useState } from 'react';
import { sendMessage } from '@/lib/messaging';
import type { FilePreview } from '@/lib/sync/file/types';
import type { FileImportMode } from '@/lib/sync/import-run';
import type { RecordKind } from '@/lib/sync/records';
import { ImportClient, type RunningImport } from './import-client';
import type { WireOutcome } from './import-protocol';
import type { OverallProgress } from './progress-math';

/** One chosen file: its preview (or why it has none), and the user's corrections. */
export interface ChosenFile {
  file: File;
  preview?: FilePreview;
  error?: string;
  /** Column position → field (null: not imported), where the user changed the automatic mapping. */
  mapping: Record<string, string | null>;
}

export type ImportPhase =
  | { phase: 'choosing' }
  | { phase: 'importing'; startedAt: number; progress?: OverallProgress; cancelling: boolean }
  | { phase: 'done'; outcome: WireOutcome; files: string[] }
  | { phase: 'error'; error: string };

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The file import's state: the chosen files and their previews, the mapping the user edits,
 * the import running in the worker, and its outcome. The page holds `File` handles only.
 */
export function useFileImport() {
  const client = useRef<ImportClient>(undefined);
  const running = useRef<RunningImport>(undefined);
  const [files, setFiles] = useState<ChosenFile[]>([]);
  const [phase, setPhase] = useState<ImportPhase>({ phase: 'choosing' });
  /** Said once about the last pick: files left out of it. */
  const [notice, setNotice] = useState<string>();
  // Stable across renders (it reads a ref), so the callbacks below need not list it.
  const worker = useCallback(() => {
    client.current ??= new ImportClient();
    return client.current;
  }, []);
  useEffect(() => () => client.current?.dispose(), []);

  const update = useCallback((name: string, change: (f: ChosenFile) => ChosenFile) => {
    setFiles((all) => all.map((f) => (f.file.name === name ? change(f) : f)));
  }, []);

  const previewOne = useCallback(
    async (file: File, kind?: RecordKind) => {
      try {
        const preview = await worker().preview(file, kind);
        update(file.name, (f) => ({ ...f, preview, error: undefined, mapping: {} }));
      } catch (error) {
        update(file.name, (f) => ({ ...f, preview: undefined, error: message(error) }));
      }
    },
    [update, worker],
  );

  /** Replaces the chosen files (a drop or a pick): each is previewed in the worker. */
  const choose = useCallback(
    (picked: File[]) => {
      // Names key the mappings and the report: the last of two files with one name wins.
      const byName = new Map(picked.map((f) => [f.name, f]));
      const chosen = [...byName.values()].map((file) => ({ file, mapping: {} }));
      const repeated = picked.filter((f, i) => picked.findIndex((g) => g.name === f.name) !== i).map((f) => f.name);
      setNotice(
        repeated.length
          ? `Two files are named ${[...new Set(repeated)].join(', ')}: only the last of each is kept.`
          : undefined,
      );
      setFiles(chosen);
      setPhase({ phase: 'choosing' });
      for (const { file } of chosen) void previewOne(file);
    },
    [previewOne],
  );

  const setKind = (name: string, kind: RecordKind) => {
    const chosen = files.find((f) => f.file.name === name);
    if (!chosen) return;
    update(name, (f) => ({ ...f, preview: f.preview && { ...f.preview, kind }, mapping: {} }));
    void previewOne(chosen.file, kind);
  };

  const setField = (name: string, index: number, field: string | null) =>
    update(name, (f) => ({ ...f, mapping: { ...f.mapping, [String(index)]: field } }));

  /** Imports the chosen files: `add` to the previous file import, or `replace` it. */
  const start = async (mode: FileImportMode) => {
    const mappings: Record<string, Record<string, string | null>> = {};
    const kinds: Record<string, RecordKind> = {};
    for (const f of files) {
      if (Object.keys(f.mapping).length > 0) mappings[f.file.name] = f.mapping;
      // A file of Tierlens's records names each record's kind itself.
      if (f.preview?.kind && !f.preview.records) kinds[f.file.name] = f.preview.kind;
    }
    const startedAt = Date.now();
    setPhase({ phase: 'importing', startedAt, cancelling: false });
    const run = worker().import(
      files.map((f) => f.file),
      { mappings, kinds, mode },
      (progress) => setPhase((p) => (p.phase === 'importing' ? { ...p, progress } : p)),
    );
    running.current = run;
    try {
      const outcome = await run.done;
      setPhase({ phase: 'done', outcome, files: files.map((f) => f.file.name) });
      // The background re-resolves open tabs, so that badges and panels show the new accounts.
      if (outcome.status === 'switched') await sendMessage('dataChanged').catch(() => {});
    } catch (error) {
      setPhase({ phase: 'error', error: message(error) });
    } finally {
      running.current = undefined;
    }
  };

  const cancel = () => {
    running.current?.cancel();
    setPhase((p) => (p.phase === 'importing' ? { ...p, cancelling: true } : p));
  };

  const clear = () => {
    setNotice(undefined);
    setFiles([]);
    setPhase({ phase: 'choosing' });
  };

  return { files, phase, notice, choose, setKind, setField, start, cancel, clear };
}

export type FileImportState = ReturnType<typeof useFileImport>;

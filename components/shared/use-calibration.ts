import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { CALIBRATION_KEY, loadCalibration } from '@/lib/background/calibrate';
import type { CalibratedModel } from '@/lib/scoring/calibration';

/** The fitted engagement model, refreshed whenever the background refits it. */
export function useCalibration(): CalibratedModel | undefined {
  const [model, setModel] = useState<CalibratedModel>();
  useEffect(() => {
    let live = true;
    const load = () => void loadCalibration().then((m) => live && setModel(m));
    load();
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && CALIBRATION_KEY in changes) load();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);
  return model;
}

import type { FunnelStage, TouchpointType } from '../../db/touchpoints';
import { TOUCHPOINT_STAGE, TOUCHPOINT_TYPES } from '../../db/touchpoints';
import { isEmptyCell } from './empty';
import { foldText } from './fold';
import { memoised } from './memo';

/** The funnel stage of a touchpoint whose file gives none: the one the demo data and the scoring model use. */
export const DEFAULT_STAGE = TOUCHPOINT_STAGE;

/** Free-text activity names, folded, first match wins: specific patterns before general ones. */
const PATTERNS: [RegExp, TouchpointType][] = [
  [/\bpricing\b/, 'pricing_page_visit'],
  [/\bdemo (page|visit)|visited demo/, 'demo_page_visit'],
  [/\bdemo\b.*\brequest|request.*\bdemo\b|\bdemo booked\b/, 'demo_request'],
  [/\b(ad|ads|paid|linkedin ad|display)\b.*\bclick|click.*\bad\b/, 'ad_click'],
  [/\bemail\b.*\bclick|click.*\bemail\b|\bclicked\b/, 'email_click'],
  [/\bemail\b.*\bopen|open.*\bemail\b|\bopened\b/, 'email_open'],
  [/\brepl(y|ied)\b|\bresponse\b/, 'reply'],
  [/\bform\b|\bsign ?up\b/, 'form_fill'],
  [/\b(download|ebook|whitepaper|white paper|content)\b/, 'content_download'],
  [/\b(attended|attendance|visited booth)\b/, 'event_attended'],
  [/\b(regist|rsvp)/, 'event_registered'],
  [/\bmeeting\b|\bmeet\b/, 'meeting'],
  [/\bcall\b|\bphone\b/, 'sales_call'],
  [/\b(page ?view|web ?visit|website visit|visit|session)\b/, 'web_visit'],
];

/**
 * The touchpoint type a cell names: one of TOUCHPOINT_TYPES as written (`email_click`) or
 * spaced ("Email Click"), or a CRM's activity name ("Form Submission", "Meeting booked",
 * "Webinar attended", "Page view"). Undefined when none fits.
 */
export const parseTouchpointType: (value: string) => TouchpointType | undefined = memoised((value) => {
  if (isEmptyCell(value)) return undefined;
  const folded = foldText(value);
  const exact = byFoldedType().get(folded);
  if (exact) return exact;
  return PATTERNS.find(([pattern]) => pattern.test(folded))?.[1];
});

let foldedTypes: Map<string, TouchpointType> | undefined;

/** TOUCHPOINT_TYPES by their folded names, the first type of a name kept (as `find` would). */
function byFoldedType(): Map<string, TouchpointType> {
  if (!foldedTypes) {
    foldedTypes = new Map();
    for (const t of TOUCHPOINT_TYPES) if (!foldedTypes.has(foldText(t))) foldedTypes.set(foldText(t), t);
  }
  return foldedTypes;
}

/** A funnel stage: TOFU/MOFU/BOFU in any case, or "top", "middle", "bottom" (of funnel). */
export const parseStage: (value: string) => FunnelStage | undefined = memoised((value) => {
  if (isEmptyCell(value)) return undefined;
  const folded = foldText(value);
  if (/^(tofu|top( of (the )?funnel)?|awareness)$/.test(folded)) return 'TOFU';
  if (/^(mofu|middle( of (the )?funnel)?|mid|consideration)$/.test(folded)) return 'MOFU';
  if (/^(bofu|bottom( of (the )?funnel)?|decision)$/.test(folded)) return 'BOFU';
  return undefined;
});

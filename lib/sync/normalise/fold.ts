/**
 * Text folded for lookups in the normalisers' tables: accents removed, lower case, `&` read as
 * "and", every run of punctuation or spaces one space. "Côte d’Ivoire" and "cote d'ivoire"
 * fold alike; so do "Legal & Compliance" and "legal_and_compliance".
 */
export function foldText(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’.]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

// Where the planner is in the editing area, in the address bar so a link or reload reopens it:
// /bearbeiten?bereich=angebote&id=12 (or id=neu), /bearbeiten?bereich=massnahmen&plan=1&id=3.
import type { MouseEvent } from 'react';

export type Section = 'angebote' | 'traeger' | 'massnahmen';
export const SECTIONS: Section[] = ['angebote', 'traeger', 'massnahmen'];

export interface EditNav {
  section: Section;
  id: number | 'neu' | null;
  plan: number | null;
}

const int = (text: string | null) => (text && /^\d{1,9}$/.test(text) ? Number(text) : null);

export function parseNav(search: string): EditNav {
  const p = new URLSearchParams(search);
  const section = (SECTIONS as string[]).includes(p.get('bereich') ?? '') ? (p.get('bereich') as Section) : 'angebote';
  const id = p.get('id') === 'neu' ? 'neu' : int(p.get('id'));
  return { section, id, plan: int(p.get('plan')) };
}

export function navSearch(nav: EditNav, lang: 'de' | 'en'): string {
  const p = new URLSearchParams();
  p.set('bereich', nav.section);
  if (nav.plan !== null) p.set('plan', String(nav.plan));
  if (nav.id !== null) p.set('id', String(nav.id));
  if (lang === 'en') p.set('sprache', 'en');
  return `?${p.toString()}`;
}

/** A real link (opens in a new tab, too) that navigates in place on a plain click. */
export type LinkTo = (patch: Partial<EditNav>) => { href: string; onClick: (ev: MouseEvent) => void };

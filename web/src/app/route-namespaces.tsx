import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  /** The translation namespaces the page renders (routes.tsx). */
  ns: string[];
  /** Starts fetching what the page needs besides its text (its chunk, the data layer) at the same time. */
  preload?: () => void;
  children: ReactNode;
}

/**
 * Renders a page only once its namespaces are loaded, in the interface language and in the English
 * fallback: until then it suspends (the shell shows "Loading…"), so no raw `courses:title` key shows.
 */
export function RouteNamespaces({ ns, preload, children }: Props) {
  preload?.(); // idempotent: dynamic imports are fetched once
  useTranslation(ns);
  return children;
}

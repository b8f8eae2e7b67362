import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface TabItem {
  id: string;
  label: ReactNode;
  panel: ReactNode;
}

/**
 * ARIA tabs (WAI-ARIA Authoring Practices): one tab stop, arrow keys, Home and End move between tabs and
 * show each panel at once. Controlled, so a page can keep the selected tab in its address.
 */
export function Tabs({ label, items, selected, onSelect }: { label: string; items: TabItem[]; selected: string; onSelect(id: string): void }) {
  const base = useId();
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const current = Math.max(0, items.findIndex((item) => item.id === selected));

  function onKeyDown(event: KeyboardEvent) {
    const last = items.length - 1;
    const next = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: last }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const index = next > last ? 0 : next < 0 ? last : next;
    onSelect(items[index]!.id);
    tabs.current[index]?.focus();
  }

  return (
    <div className="ui-tabs">
      <div role="tablist" aria-label={label} className="ui-tablist" onKeyDown={onKeyDown}>
        {items.map((item, index) => (
          <button
            key={item.id}
            ref={(element) => {
              tabs.current[index] = element;
            }}
            type="button"
            role="tab"
            id={`${base}-tab-${item.id}`}
            aria-selected={index === current}
            aria-controls={`${base}-panel-${item.id}`}
            tabIndex={index === current ? 0 : -1}
            className="ui-tab"
            onClick={() => onSelect(item.id)}
          >
            {item.label}
          </button>
        ))}
      </div>
      {items.map((item, index) => (
        <div key={item.id} role="tabpanel" id={`${base}-panel-${item.id}`} aria-labelledby={`${base}-tab-${item.id}`} hidden={index !== current} tabIndex={0} className="ui-tabpanel">
          {index === current && item.panel}
        </div>
      ))}
    </div>
  );
}

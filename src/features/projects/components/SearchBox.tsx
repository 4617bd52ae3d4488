import { useEffect, useId, useRef, useState } from 'react';

/** Light debounce: long enough to coalesce a burst of keys, short enough to feel instant. */
export const SEARCH_DEBOUNCE_MS = 30;

interface SearchBoxProps {
  label: string;
  placeholder: string;
  /** The search in the address. */
  value: string;
  onChange: (q: string) => void;
}

/** Search input: keeps its own text while typing and writes it to the address after a short pause. */
export function SearchBox({ label, placeholder, value, onChange }: SearchBoxProps) {
  const id = useId();
  const [text, setText] = useState(value);
  const written = useRef(value);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // While an input method composes (pinyin "gaotie" before it becomes 高铁), do not search for the letters.
  const composing = useRef(false);

  // The address changed from elsewhere (clear filters, back/forward): show it.
  useEffect(() => {
    if (value !== written.current) {
      written.current = value;
      clearTimeout(timer.current);
      setText(value);
    }
  }, [value]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const commit = (next: string) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      written.current = next.trim();
      onChange(next.trim());
    }, SEARCH_DEBOUNCE_MS);
  };

  return (
    <div className="field field--search">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="search"
        value={text}
        placeholder={placeholder}
        maxLength={100}
        autoComplete="off"
        onChange={(e) => {
          setText(e.target.value);
          if (!composing.current) commit(e.target.value);
        }}
        onCompositionStart={() => {
          composing.current = true;
        }}
        onCompositionEnd={(e) => {
          composing.current = false;
          commit(e.currentTarget.value);
        }}
      />
    </div>
  );
}

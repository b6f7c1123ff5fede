// 长辈模式 (elderly mode; required of Chinese public-service apps since the 2021 适老化 rules): one
// tap switches the page to body text ≥ 18 px, key figures ≥ 30 px and tap targets ≥ 60 × 60 px
// (tokens.css, `:root.elderly`); the choice is remembered on this device.
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';

const STORAGE_KEY = 'juzhu.elderly';

interface ElderlyMode {
  elderly: boolean;
  setElderly: (on: boolean) => void;
}

const Context = createContext<ElderlyMode>({ elderly: false, setElderly: () => undefined });

export function ElderlyModeProvider({ children }: { children: ReactNode }) {
  const [elderly, set] = useState(() => localStorage.getItem(STORAGE_KEY) === '1');
  useEffect(() => {
    document.documentElement.classList.toggle('elderly', elderly);
  }, [elderly]);
  const setElderly = useCallback((on: boolean) => {
    localStorage.setItem(STORAGE_KEY, on ? '1' : '0');
    set(on);
  }, []);
  return <Context.Provider value={{ elderly, setElderly }}>{children}</Context.Provider>;
}

export const useElderlyMode = () => useContext(Context);

/**
 * The few lines that run before the page's first paint: the language and theme the address asks
 * for (?lang=en, ?theme=dark), else the ones remembered (the prefs store's localStorage entry),
 * set on <html> so the static shell and the first render agree with the app. Without it
 * /?lang=en painted in Chinese, then in English, and the page moved (CLS). Inline, allowed by its
 * hash in the Content-Security-Policy; it must stay in step with src/stores/prefs.ts.
 */
import { createHash } from 'node:crypto';

export const BOOT_SCRIPT = [
  '(function(){try{',
  'var q=new URLSearchParams(location.search),s={},h=document.documentElement;',
  "try{s=JSON.parse(localStorage.getItem('beibei.prefs')||'{}').state||{}}catch(e){}",
  "var l=q.get('lang'),t=q.get('theme');",
  "if(l!=='en'&&l!=='zh-CN')l=s.locale==='en'||s.locale==='zh-CN'?s.locale:null;",
  "if(t!=='dark'&&t!=='light')t=s.theme==='dark'||s.theme==='light'?s.theme:null;",
  'if(l)h.lang=l;if(t)h.dataset.theme=t;',
  '}catch(e){}})();',
].join('');

/** The script's hash as a CSP source expression. */
export const BOOT_SCRIPT_HASH = `'sha256-${createHash('sha256').update(BOOT_SCRIPT).digest('base64')}'`;

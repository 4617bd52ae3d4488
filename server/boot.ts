/**
 * The few lines that run before the page's first paint: the language and theme the address asks
 * for (?lang=en, ?theme=dark: the first usable value of each, as src/lib/search.ts reads them),
 * else the ones chosen last time (localStorage, see src/stores/prefs.ts), set on <html> so the
 * static shell and the first render agree. The same rule completes the address before the app's
 * first render (withRemembered in src/main.tsx), so the app, reading the address alone, says the
 * same. Without it /?lang=en painted in Chinese, then in English, and the page moved (CLS).
 * Inline, allowed by its hash in the Content-Security-Policy.
 */
import { createHash } from 'node:crypto';

export const BOOT_SCRIPT = [
  '(function(){try{',
  'var q=new URLSearchParams(location.search),s={},h=document.documentElement;',
  "try{s=JSON.parse(localStorage.getItem('beibei.prefs')||'{}').state||{}}catch(e){}",
  'function f(n,v,r){var a=q.getAll(n);for(var i=0;i<a.length;i++)if(v.indexOf(a[i].trim())>=0)return a[i].trim();',
  'return v.indexOf(r)>=0?r:null}',
  "var l=f('lang',['zh-CN','en'],s.locale),t=f('theme',['light','dark'],s.theme);",
  'if(l)h.lang=l;if(t)h.dataset.theme=t;',
  '}catch(e){}})();',
].join('');

/** The script's hash as a CSP source expression. */
export const BOOT_SCRIPT_HASH = `'sha256-${createHash('sha256').update(BOOT_SCRIPT).digest('base64')}'`;

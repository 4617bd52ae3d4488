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

/** The id of the element naming the app's modules on a page rendered on the server (see MODULES_SCRIPT). */
export const MODULES_ELEMENT_ID = 'app-modules';

/**
 * On a page rendered on the server, the app's modules are asked for once the page has painted:
 * the page already reads in full, and its document and first paint no longer share the network
 * with 100 KB of script (on a slow mobile link the first paint came about half a second later
 * than the document alone needed). "Painted" is the browser's first-contentful-paint entry; where
 * the browser reports none, the frame after the first; a page not shown (no frames to paint) asks
 * at once, and none waits more than 3 s. The modules are listed in the #app-modules element.
 *
 * The modules index.html preloads for its entry (`run`: the libraries and the app's shell) are
 * each run by a script of their own, in order, and the entry after them: each script is evaluated
 * in a task of its own, so the entry's evaluation no longer holds the main thread in one long task
 * (on a phone, about 130 ms at the mobile preset's slowdown) but in several shorter ones. The
 * page's own modules (`preload`), which the entry imports, are preloaded. Each script and preload
 * is added in a task of its own: each request asked for costs the main thread a few milliseconds
 * (5–10 ms at that slowdown), and the dozen of `/projects` at once made a long task of 50–80 ms.
 * A page not shown asks for them all at once, its timers being slowed.
 * Inline, allowed by its hash in the Content-Security-Policy.
 */
export const MODULES_SCRIPT = [
  "(function(){var d=document,started=0,hidden=d.visibilityState==='hidden';",
  "function add(t,h){var e=d.createElement(t);e.crossOrigin='';",
  "if(t==='script'){e.type='module';e.async=false;e.src=h}else{e.rel='modulepreload';e.href=h}d.head.appendChild(e)}",
  'function ask(t,h){if(hidden)add(t,h);else setTimeout(function(){add(t,h)},0)}',
  'function go(){if(started)return;started=1;',
  `var m=JSON.parse(d.getElementById('${MODULES_ELEMENT_ID}').textContent);`,
  "m.run.concat(m.entry).forEach(function(h){ask('script',h)});m.preload.forEach(function(h){ask('link',h)})}",
  'if(hidden)return go();setTimeout(go,3000);',
  'var P=window.PerformanceObserver;',
  "if(P&&(P.supportedEntryTypes||[]).indexOf('paint')>=0)",
  "new P(function(l){if(l.getEntriesByName('first-contentful-paint').length)go()}).observe({type:'paint',buffered:true});",
  'else requestAnimationFrame(function(){setTimeout(go,0)})})();',
].join('');

/** The modules script's hash as a CSP source expression. */
export const MODULES_SCRIPT_HASH = `'sha256-${createHash('sha256').update(MODULES_SCRIPT).digest('base64')}'`;

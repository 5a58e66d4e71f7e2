// Tafukt's first script, run before the app's code arrives (plain ES5, so even a browser
// too old for the app runs it and can say so). It owns what happens around the wasm:
// - a browser without WebAssembly, fetch or modules gets the page's four-language message;
// - the files the first lesson needs (catalogue, lesson index, the lesson) are fetched at
//   once, in parallel with the wasm, read to the end and handed to the app by `tafuktTake`
//   (none twice);
// - the progress bar shows the bytes of the wasm received (trunk's initializer, web/progress.js);
// - once the first lesson is on screen (`tafuktReady`), the service worker is registered,
//   so keeping the whole app for offline use never competes with the first load;
// - `tafuktSwitch` loads the full app (every on-demand part) or the studio app and hands
//   the page over to it;
//   the key P (projector mode, a full-app part) asks for it too, and so does a share link
//   (`#p=…`, also when one is opened over the page).
(function () {
  var w = window;
  var d = document;
  var PREFIX = 'tafukt.v1.';

  function stored(key) {
    try {
      return w.localStorage.getItem(PREFIX + key);
    } catch (e) {
      return null;
    }
  }
  function meta(name) {
    var m = d.querySelector('meta[name="' + name + '"]');
    return m ? m.getAttribute('content') : null;
  }
  function show(id) {
    var e = d.getElementById(id);
    if (e) e.removeAttribute('hidden');
  }
  w.tafuktShowBootError = function (id) {
    var bar = d.getElementById('boot-progress');
    if (bar) bar.setAttribute('hidden', '');
    show(id || 'boot-error');
  };

  var script = d.createElement('script');
  if (
    typeof WebAssembly !== 'object' ||
    typeof fetch !== 'function' ||
    typeof Promise !== 'function' ||
    !('noModule' in script) ||
    !w.ReadableStream
  ) {
    // The app's module script will not run here: say so in the four languages.
    d.addEventListener('DOMContentLoaded', function () {
      w.tafuktShowBootError('old-browser');
    });
    return;
  }

  // The same choice as the app's: the saved language, else the browser's, else English.
  var langs = ['en', 'fr', 'ar', 'zgh'];
  var lang = stored('lang');
  if (langs.indexOf(lang) < 0) {
    lang = ((navigator.language || '').split('-')[0] || '').toLowerCase();
    if (langs.indexOf(lang) < 0) lang = 'en';
  }

  // Files fetched ahead for the app, by path, read to the end while the wasm still comes
  // (an ArrayBuffer, or null when the file could not be had): the app's first screens then
  // follow one another in one go, with no wait for a body between them. Each is handed over
  // once. `tafuktEmbedded` (the single-file build for USB sticks) answers from the page
  // itself instead, in the same form.
  var ahead = {};
  function fetchAhead(path) {
    if (!ahead[path])
      ahead[path] = fetch(path).then(
        function (r) {
          return r.ok ? r.arrayBuffer() : null;
        },
        function () {
          return null;
        }
      );
  }
  w.tafuktTake = function (path) {
    if (w.tafuktEmbedded) return w.tafuktEmbedded(path);
    var p = ahead[path];
    delete ahead[path];
    return p;
  };
  if (!w.tafuktEmbedded) {
    var lesson = stored('lesson') || meta('tafukt-first-lesson');
    fetchAhead('messages/' + lang + '.txt');
    fetchAhead('lessons/' + lang + '/index.bin');
    if (lesson && /^[a-z0-9-]+$/.test(lesson)) fetchAhead('lessons/' + lang + '/' + lesson + '.bin');
  }

  // A panic in the app ends in a trap of its wasm (the release build aborts on panic),
  // thrown out of whatever called it: an event, a timer, or a promise's task. The page's
  // panic card says so calmly, in the page's language, with a reload button.
  function trapped(error) {
    if (typeof WebAssembly === 'object' && error instanceof WebAssembly.RuntimeError) show('panic');
  }
  w.addEventListener('error', function (e) {
    trapped(e.error);
  });
  w.addEventListener('unhandledrejection', function (e) {
    trapped(e.reason);
  });

  // The panic card's button (index.html): reloading brings the saved work back.
  d.addEventListener('click', function (e) {
    if (e.target && e.target.closest && e.target.closest('[data-reload]')) location.reload();
  });

  // A share link opened over the open page (`#p=…`) is read as on a fresh load.
  w.addEventListener('hashchange', function () {
    if (location.hash.indexOf('#p=') == 0) location.reload();
  });

  // Called by the app once the first lesson is on screen: now the rest may come.
  var readyOnce = false;
  w.tafuktReady = function () {
    if (readyOnce) return;
    readyOnce = true;
    d.documentElement.setAttribute('data-ready', '1');
    // A teacher's device left in projector mode (a full-app part) opens in it again; a
    // share link (`#p=…`) is read by the full app, which opens its lesson (the single file
    // is the full app already).
    // A lesson link (`#l=…`, a teacher's lesson from the studio) is read by the studio app.
    var link = location.hash.slice(0, 3);
    // So does a device where a teacher chose the blocks' language apart from the page's.
    if (stored('projector') === '1') w.tafuktSwitch('projector');
    else if (stored('code-lang')) w.tafuktSwitch('code');
    else if (!w.tafuktEmbedded && link == '#p=') w.tafuktSwitch('link');
    else if (!w.tafuktEmbedded && link == '#l=') w.tafuktSwitch('studio');
    if (navigator.serviceWorker && location.protocol !== 'file:') {
      navigator.serviceWorker.register('sw.js')['catch'](function () {});
    }
  };

  // The full app: every part the first lesson does not need; the studio app: the full app
  // and the teacher studio, which only a teacher who opens the studio ever downloads. The
  // running app calls this when the pupil or teacher opens such a part; `web/full.js` (a
  // module, since a classic script may not import) fetches it and stops the running app
  // only once the new one's code has arrived, so a failed download leaves them where they
  // were. The studio app holds the full app, so it is never handed back.
  // Which app runs is the page's `data-part` (none: the core app).
  var switching = null;
  w.tafuktIntent = '';
  w.tafuktHandedOver = function () {
    return w.tafuktIntent;
  };
  w.tafuktSwitch = function (intent) {
    var app = intent == 'studio' ? intent : 'full';
    var root = d.documentElement;
    var was = root.getAttribute('data-part');
    if (switching) return switching;
    if (was == 'studio' || was == app) return Promise.resolve();
    w.tafuktIntent = intent || '';
    w.tafuktApp = app;
    root.setAttribute('data-part', 'loading');
    return (switching = new Promise(function (resolve, reject) {
      w.tafuktFullLoaded = function (error) {
        switching = null;
        if (error) {
          if (was) root.setAttribute('data-part', was);
          else root.removeAttribute('data-part');
          reject(error);
        } else {
          root.setAttribute('data-part', app);
          resolve();
        }
      };
      var s = d.createElement('script');
      s.type = 'module';
      // A module runs once per address: the query names the app, so the studio app can
      // follow the full app.
      s.src = 'full.js?' + app;
      s.onerror = function () {
        w.tafuktFullLoaded(new Error('full.js'));
      };
      d.head.appendChild(s);
    }));
  };

  // Projector mode is a full-app part: in the core app its key, P, presses the button that
  // hands the page over (the full app, once it runs, has keys of its own).
  d.addEventListener('keydown', function (e) {
    var t = e.target, b = d.querySelector('[data-testid=projector]');
    if (b && !d.documentElement.getAttribute('data-part') && e.code == 'KeyP' && !(e.ctrlKey || e.altKey || e.metaKey) &&
        !(t.closest && t.closest('input,textarea,select,.pad'))) b.click();
  });
})();

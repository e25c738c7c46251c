/*
 * Sound Box radio widget: one player core (queue, history, moods, crossfade, events), canvas
 * visualisers on an AnalyserNode, and a small UI in five sizes and eleven templates.
 * Plain script, no build step, no inline styles (works under a strict CSP).
 *
 *   <div data-soundbox-radio data-size="medium" data-template="neon" data-station="lofi"
 *        data-autoplay="false" data-server="https://soundbox.example"></div>
 *   <script src="https://soundbox.example/widget/soundbox-radio.js" defer></script>
 *
 * The same core drives the web UI (window.SoundboxRadio.Player).
 */
(function (global) {
  'use strict';

  var SCRIPT_SRC = (document.currentScript && document.currentScript.src) || '';
  var SCRIPT_ORIGIN = (function () {
    try { return SCRIPT_SRC ? new URL(SCRIPT_SRC).origin : ''; } catch (e) { return ''; }
  })();

  var SIZES = ['minimal', 'small', 'medium', 'large', 'fullscreen'];
  var TEMPLATES = ['default', 'minimal-dark', 'minimal-light', 'neon', 'sunset', 'ocean', 'forest', 'glass',
    'retro', 'spotify', 'monochrome'];
  var STATIONS = ['all', 'ambient', 'lofi', 'retro', 'piano', 'happy', 'dreamy', 'trending', 'top-rated', 'new',
    'favorites', 'surprise'];
  // Moods are search terms over the whole library (not stations): switching crossfades into them.
  var MOODS = {
    chill: 'chill', focus: 'ambient', energetic: 'upbeat', happy: 'happy', dark: 'dark',
    epic: 'epic', retro: 'retro', nature: 'nature'
  };
  var VISUALIZERS = ['bars', 'wave', 'circle', 'particles', 'lissajous', 'tempest', 'pong', 'breakout', 'snake'];
  var MIN_QUEUE = 3;
  var EXCLUDE_LAST = 50;
  var HISTORY_MAX = 50;
  var CROSSFADE_MS = 1200;
  var MAX_FAILURES_IN_ROW = 3;

  function clamp(v, lo, hi) { return Math.max(lo, Math.min(hi, v)); }

  function sessionId() {
    var key = 'soundbox.radio.session';
    try {
      var s = localStorage.getItem(key);
      if (!s) {
        s = 'w' + Date.now().toString(36) + Math.random().toString(36).slice(2, 10);
        localStorage.setItem(key, s);
      }
      return s;
    } catch (e) {
      return 'w' + Math.random().toString(36).slice(2, 12);
    }
  }

  /* ------------------------------------------------------------------ player core */

  /**
   * The player core. options: server (API origin, '' for same origin), station, source (play report
   * source), token (function returning a bearer token or null), volumeKey (localStorage key).
   */
  function Player(options) {
    var o = options || {};
    this.server = (o.server || '').replace(/\/+$/, '');
    this.station = o.station || 'all';
    this.search = null;
    this.source = o.source || 'widget';
    this.token = typeof o.token === 'function' ? o.token : function () { return null; };
    this.volumeKey = o.volumeKey || 'soundbox.radio.volume';
    this.queue = [];
    this.history = [];
    this.played = [];
    this.current = null;
    this.playing = false;
    this.muted = false;
    this.listeners = {};
    this.session = sessionId();
    this.fetching = null;
    this.reported = {};
    this.audioContext = null;
    this.analyser = null;
    this.volume = 0.8;
    try {
      var saved = parseFloat(localStorage.getItem(this.volumeKey));
      if (isFinite(saved)) this.volume = clamp(saved, 0, 1);
    } catch (e) { /* no storage: default volume */ }
    this.decks = [this.makeDeck(), this.makeDeck()];
    this.deck = 0;
  }

  Player.prototype.makeDeck = function () {
    var a = new Audio();
    a.preload = 'auto';
    // Audio answers CORS *: anonymous mode lets the analyser read cross-origin samples.
    a.crossOrigin = 'anonymous';
    var self = this;
    a.addEventListener('ended', function () { if (a === self.active()) self.next(false); });
    a.addEventListener('error', function () {
      if (a !== self.active() || !a.getAttribute('src')) return;
      self.failures = (self.failures || 0) + 1;
      self.emit('error', { message: 'could not play this track', track: self.current });
      // A server whose audio never loads (offline, CORS) would otherwise spin through the whole station.
      if (self.failures >= MAX_FAILURES_IN_ROW) {
        self.playing = false;
        self.emit('pause', self.current);
        self.emit('error', { message: 'stopped: ' + self.failures + ' tracks in a row failed to load' });
        return;
      }
      self.next(false);
    });
    a.addEventListener('timeupdate', function () {
      if (a === self.active()) self.emit('time', { current: a.currentTime, duration: a.duration || 0 });
    });
    a.addEventListener('playing', function () {
      if (a !== self.active()) return;
      self.failures = 0;
      self.reportPlay(self.current);
    });
    return a;
  };

  Player.prototype.active = function () { return this.decks[this.deck]; };

  Player.prototype.on = function (event, fn) {
    (this.listeners[event] = this.listeners[event] || []).push(fn);
    return this;
  };

  Player.prototype.off = function (event, fn) {
    this.listeners[event] = (this.listeners[event] || []).filter(function (f) { return f !== fn; });
    return this;
  };

  Player.prototype.emit = function (event, detail) {
    (this.listeners[event] || []).slice().forEach(function (fn) {
      try { fn(detail); } catch (e) { if (global.console) console.error(e); }
    });
  };

  Player.prototype.url = function (path) {
    if (/^https?:\/\//i.test(path)) return path;
    return this.server + path;
  };

  /** The playable URL: the API's audio_url (signed for private files) or /audio/{filename}. */
  Player.prototype.audioUrl = function (track) {
    if (track.audio_url) return this.url(track.audio_url);
    return this.url('/audio/' + encodeURIComponent(track.filename));
  };

  /** Request headers; the token function may answer a token, null, or a promise of either. */
  Player.prototype.headers = function (json) {
    return Promise.resolve(this.token()).catch(function () { return null; }).then(function (t) {
      var h = {};
      if (t) h.Authorization = 'Bearer ' + t;
      if (json) h['Content-Type'] = 'application/json';
      return h;
    });
  };

  Player.prototype.ensureAudioGraph = function () {
    if (this.audioContext) {
      if (this.audioContext.state === 'suspended') this.audioContext.resume();
      return;
    }
    var Ctx = global.AudioContext || global.webkitAudioContext;
    if (!Ctx) return;
    try {
      var ctx = new Ctx();
      var analyser = ctx.createAnalyser();
      analyser.fftSize = 512;
      analyser.smoothingTimeConstant = 0.8;
      analyser.connect(ctx.destination);
      this.decks.forEach(function (a) { ctx.createMediaElementSource(a).connect(analyser); });
      this.audioContext = ctx;
      this.analyser = analyser;
    } catch (e) {
      this.analyser = null;
    }
  };

  Player.prototype.stationParams = function () {
    var p = new URLSearchParams();
    var st = this.station === 'all' || this.station === 'surprise' ? 'shuffle' : this.station;
    if (this.station.indexOf('playlist:') === 0) st = 'shuffle';
    p.set('station', st);
    if (this.search) p.set('search', this.search);
    if (this.model) p.set('model', this.model);
    return p;
  };

  /** Tops the queue up to at least MIN_QUEUE from /api/radio/next, excluding the last 50 played. */
  Player.prototype.fill = function () {
    var self = this;
    if (this.fetching) return this.fetching;
    if (this.queue.length >= MIN_QUEUE || this.station.indexOf('playlist:') === 0) return Promise.resolve();
    var p = this.stationParams();
    p.set('count', String(Math.max(MIN_QUEUE, MIN_QUEUE * 2 - this.queue.length)));
    p.set('session_id', this.session);
    var exclude = this.played.slice(-EXCLUDE_LAST).concat(this.queue.map(function (t) { return t.id; }));
    if (this.current) exclude.push(this.current.id);
    if (exclude.length) p.set('exclude', exclude.join(','));
    var generation = this.generation = (this.generation || 0) + 1;
    var url = this.url('/api/radio/next?' + p.toString());
    this.fetching = this.headers(false).then(function (headers) { return fetch(url, { headers: headers }); })
      .then(function (res) {
        return res.json().catch(function () { return {}; }).then(function (body) {
          if (!res.ok) throw new Error(body.detail || body.title || ('HTTP ' + res.status));
          return body;
        });
      })
      .then(function (body) {
        if (generation !== self.generation) return;
        var seen = {};
        self.queue.forEach(function (t) { seen[t.id] = true; });
        (body.tracks || []).forEach(function (t) {
          if (!seen[t.id] && (!self.current || t.id !== self.current.id)) { self.queue.push(t); seen[t.id] = true; }
        });
        self.emit('queue', self.queue.slice());
      })
      .catch(function (e) { self.emit('error', { message: e.message }); })
      .then(function () { self.fetching = null; });
    return this.fetching;
  };

  /** Switches to a station (ambient, lofi, trending, top-rated, new, favorites, all, surprise, category:x). */
  Player.prototype.setStation = function (station, search) {
    this.station = station || 'all';
    this.search = search || null;
    this.queue = [];
    this.generation = (this.generation || 0) + 1;
    this.fetching = null;
    this.emit('station', { station: this.station, search: this.search });
    var self = this;
    return this.fill().then(function () { if (self.playing || !self.current) return self.next(true); });
  };

  /** A mood is a search over the library; the change crossfades into its first track. */
  Player.prototype.setMood = function (mood) {
    var term = MOODS[mood] || mood;
    return this.setStation('all', term);
  };

  /** Replaces the queue with these tracks (a playlist or a library page) and plays the first. */
  Player.prototype.playList = function (tracks, source, name) {
    this.station = 'playlist:' + (name || 'list');
    this.generation = (this.generation || 0) + 1;
    this.queue = tracks.slice(1).map(function (t) { return Object.assign({ _source: source }, t); });
    this.emit('queue', this.queue.slice());
    if (tracks.length) return this.playNow(tracks[0], source);
    return Promise.resolve();
  };

  Player.prototype.enqueue = function (track, source) {
    this.queue.push(Object.assign({ _source: source || this.source }, track));
    this.emit('queue', this.queue.slice());
  };

  Player.prototype.playNow = function (track, source) {
    return this.start(Object.assign({ _source: source || this.source }, track), true);
  };

  Player.prototype.start = function (track, fade) {
    var self = this;
    this.ensureAudioGraph();
    if (this.current && this.current.id !== track.id) {
      this.history.unshift(this.current);
      if (this.history.length > HISTORY_MAX) this.history.length = HISTORY_MAX;
    }
    this.current = track;
    this.played.push(track.id);
    if (this.played.length > EXCLUDE_LAST) this.played.splice(0, this.played.length - EXCLUDE_LAST);
    var old = this.active();
    var crossfade = fade && this.playing && !old.paused;
    this.deck = 1 - this.deck;
    var a = this.active();
    a.src = this.audioUrl(track);
    a.volume = crossfade ? 0 : this.effectiveVolume();
    this.emit('track', track);
    this.emit('queue', this.queue.slice());
    var playing = a.play();
    this.playing = true;
    if (crossfade) this.fade(old, a); else { old.pause(); old.removeAttribute('src'); old.load(); }
    this.fill();
    return Promise.resolve(playing).then(function () {
      self.emit('play', track);
    }).catch(function (e) {
      self.playing = false;
      self.emit('pause', track);
      if (e && e.name === 'NotAllowedError') self.emit('blocked', track);
    });
  };

  Player.prototype.fade = function (from, to) {
    var self = this;
    var t0 = performance.now();
    var fromStart = from.volume;
    if (this.fadeTimer) clearInterval(this.fadeTimer);
    this.fadeTimer = setInterval(function () {
      var k = clamp((performance.now() - t0) / CROSSFADE_MS, 0, 1);
      from.volume = fromStart * (1 - k);
      to.volume = self.effectiveVolume() * k;
      if (k >= 1) {
        clearInterval(self.fadeTimer);
        self.fadeTimer = null;
        from.pause();
        from.removeAttribute('src');
        from.load();
      }
    }, 40);
  };

  /** Plays the next queued track, fetching more first when the queue is empty. */
  Player.prototype.next = function (fade) {
    var self = this;
    if (this.queue.length) {
      var t = this.queue.shift();
      return this.start(t, fade !== false);
    }
    return this.fill().then(function () {
      if (self.queue.length) return self.start(self.queue.shift(), fade !== false);
      self.playing = false;
      self.emit('pause', self.current);
      if (self.station.indexOf('playlist:') !== 0) self.emit('error', { message: 'nothing to play on this station yet' });
    });
  };

  Player.prototype.previous = function () {
    var a = this.active();
    if (a.currentTime > 3 || !this.history.length) { a.currentTime = 0; return Promise.resolve(); }
    var prev = this.history.shift();
    if (this.current) this.queue.unshift(this.current);
    this.current = null;
    return this.start(prev, true);
  };

  Player.prototype.play = function () {
    this.ensureAudioGraph();
    this.failures = 0;
    if (!this.current) return this.next(false);
    var self = this;
    var a = this.active();
    return a.play().then(function () { self.playing = true; self.emit('play', self.current); })
      .catch(function (e) { if (e && e.name === 'NotAllowedError') self.emit('blocked', self.current); });
  };

  Player.prototype.pause = function () {
    this.active().pause();
    this.playing = false;
    this.emit('pause', this.current);
  };

  Player.prototype.toggle = function () { return this.playing ? this.pause() : this.play(); };

  Player.prototype.seek = function (seconds) {
    var a = this.active();
    if (isFinite(a.duration)) a.currentTime = clamp(a.currentTime + seconds, 0, a.duration);
  };

  Player.prototype.effectiveVolume = function () { return this.muted ? 0 : this.volume; };

  Player.prototype.setVolume = function (v) {
    this.volume = clamp(v, 0, 1);
    try { localStorage.setItem(this.volumeKey, String(this.volume)); } catch (e) { /* not persisted */ }
    if (!this.fadeTimer) this.active().volume = this.effectiveVolume();
    this.emit('volume', { volume: this.volume, muted: this.muted });
  };

  Player.prototype.toggleMute = function () {
    this.muted = !this.muted;
    this.active().volume = this.effectiveVolume();
    this.emit('volume', { volume: this.volume, muted: this.muted });
  };

  /** POST /api/track/{id}/play once per track start, with this player's source. */
  Player.prototype.reportPlay = function (track) {
    if (!track || this.reported[track.id + ':' + this.played.length]) return;
    this.reported[track.id + ':' + this.played.length] = true;
    var body = JSON.stringify({ session_id: this.session, source: track._source || this.source,
      duration: track.duration || undefined });
    var url = this.url('/api/track/' + encodeURIComponent(track.id) + '/play');
    this.headers(true).then(function (headers) { return fetch(url, { method: 'POST', headers: headers, body: body }); })
      .catch(function () { /* best effort: a lost play report costs one count */ });
  };

  /* ------------------------------------------------------------------ visualisers */

  var PALETTE = ['--sbr-accent', '--sbr-accent-2', '--sbr-fg'];

  function colors(canvas) {
    var cs = getComputedStyle(canvas);
    return PALETTE.map(function (v, i) {
      return (cs.getPropertyValue(v) || '').trim() || ['#7c5cff', '#2ee6d6', '#ffffff'][i];
    });
  }

  /**
   * Draws one visualiser on a canvas from the player's analyser. Quality (pixel ratio, detail) steps
   * down when the frame rate drops under 40 fps and back up above 55 fps.
   */
  function Visualizer(canvas, player, mode) {
    this.canvas = canvas;
    this.ctx = canvas.getContext('2d');
    this.player = player;
    this.quality = 3;
    this.frames = 0;
    this.lastFpsAt = performance.now();
    this.fps = 60;
    this.state = {};
    this.setMode(mode || 'bars');
    this.freq = new Uint8Array(256);
    this.wave = new Uint8Array(512);
    this.running = false;
    this.loop = this.loop.bind(this);
  }

  Visualizer.prototype.setMode = function (mode) {
    this.randomMode = mode === 'random';
    this.mode = this.randomMode ? VISUALIZERS[Math.floor(Math.random() * VISUALIZERS.length)] : mode;
    if (VISUALIZERS.indexOf(this.mode) < 0) this.mode = 'bars';
    this.modeSince = performance.now();
    this.state = {};
  };

  Visualizer.prototype.start = function () {
    if (this.running) return;
    this.running = true;
    requestAnimationFrame(this.loop);
  };

  Visualizer.prototype.stop = function () { this.running = false; };

  Visualizer.prototype.resize = function () {
    var ratio = (global.devicePixelRatio || 1) * [0.35, 0.5, 0.75, 1][this.quality];
    var w = Math.max(1, Math.round(this.canvas.clientWidth * ratio));
    var h = Math.max(1, Math.round(this.canvas.clientHeight * ratio));
    if (this.canvas.width !== w || this.canvas.height !== h) { this.canvas.width = w; this.canvas.height = h; }
  };

  Visualizer.prototype.adapt = function (now) {
    this.frames++;
    if (now - this.lastFpsAt >= 1000) {
      this.fps = this.frames * 1000 / (now - this.lastFpsAt);
      this.frames = 0;
      this.lastFpsAt = now;
      if (this.fps < 40 && this.quality > 0) this.quality--;
      else if (this.fps > 55 && this.quality < 3) this.quality++;
    }
  };

  Visualizer.prototype.sample = function () {
    var an = this.player.analyser;
    if (an && this.player.playing) {
      an.getByteFrequencyData(this.freq);
      an.getByteTimeDomainData(this.wave);
    } else {
      // Idle: a slow synthetic signal so the canvas is never a dead rectangle.
      var t = performance.now() / 1000;
      for (var i = 0; i < this.freq.length; i++) this.freq[i] = Math.max(0, 40 + 30 * Math.sin(t + i / 9) - i / 6);
      for (var j = 0; j < this.wave.length; j++) this.wave[j] = 128 + 20 * Math.sin(t * 2 + j / 20);
    }
    var bass = 0;
    for (var k = 0; k < 16; k++) bass += this.freq[k];
    this.bass = bass / (16 * 255);
  };

  Visualizer.prototype.loop = function (now) {
    if (!this.running) return;
    if (!this.canvas.isConnected) { this.running = false; return; }
    this.adapt(now);
    if (this.randomMode && now - this.modeSince > 20000) this.setMode('random');
    this.resize();
    this.sample();
    var c = this.ctx, w = this.canvas.width, h = this.canvas.height;
    var col = colors(this.canvas);
    c.fillStyle = 'rgba(0,0,0,' + (this.mode === 'particles' || this.mode === 'tempest' ? 0.25 : 1) + ')';
    if (this.mode === 'particles' || this.mode === 'tempest') c.fillRect(0, 0, w, h); else c.clearRect(0, 0, w, h);
    DRAW[this.mode].call(this, c, w, h, col, now);
    requestAnimationFrame(this.loop);
  };

  var DRAW = {
    bars: function (c, w, h, col) {
      var n = [24, 32, 48, 64][this.quality];
      var step = Math.floor(this.freq.length * 0.75 / n);
      var bw = w / n;
      var g = c.createLinearGradient(0, h, 0, 0);
      g.addColorStop(0, col[0]);
      g.addColorStop(1, col[1]);
      c.fillStyle = g;
      for (var i = 0; i < n; i++) {
        var v = this.freq[i * step] / 255;
        c.fillRect(i * bw + 1, h - v * h, bw - 2, v * h);
      }
    },
    wave: function (c, w, h, col) {
      c.lineWidth = Math.max(1, h / 60);
      c.strokeStyle = col[1];
      c.beginPath();
      var n = this.wave.length;
      for (var i = 0; i < n; i++) {
        var x = i / (n - 1) * w, y = this.wave[i] / 255 * h;
        if (i) c.lineTo(x, y); else c.moveTo(x, y);
      }
      c.stroke();
    },
    circle: function (c, w, h, col) {
      var cx = w / 2, cy = h / 2, r = Math.min(w, h) * (0.22 + this.bass * 0.1);
      var n = [48, 64, 96, 128][this.quality];
      c.strokeStyle = col[0];
      c.lineWidth = Math.max(1, Math.min(w, h) / 120);
      c.beginPath();
      for (var i = 0; i < n; i++) {
        var a = i / n * Math.PI * 2, v = this.freq[Math.floor(i / n * 160)] / 255;
        var len = r + v * Math.min(w, h) * 0.25;
        c.moveTo(cx + Math.cos(a) * r, cy + Math.sin(a) * r);
        c.lineTo(cx + Math.cos(a) * len, cy + Math.sin(a) * len);
      }
      c.stroke();
      c.fillStyle = col[1];
      c.beginPath();
      c.arc(cx, cy, r * 0.6, 0, Math.PI * 2);
      c.fill();
    },
    particles: function (c, w, h, col) {
      var s = this.state;
      s.p = s.p || [];
      var max = [60, 120, 200, 300][this.quality];
      var spawn = Math.round(this.bass * 8);
      for (var i = 0; i < spawn && s.p.length < max; i++) {
        var a = Math.random() * Math.PI * 2, sp = (0.5 + Math.random() * 3) * (1 + this.bass * 3);
        s.p.push({ x: w / 2, y: h / 2, vx: Math.cos(a) * sp, vy: Math.sin(a) * sp, life: 1 });
      }
      s.p = s.p.filter(function (p) {
        p.x += p.vx; p.y += p.vy; p.life -= 0.01;
        return p.life > 0 && p.x > 0 && p.x < w && p.y > 0 && p.y < h;
      });
      var size = Math.max(1, Math.min(w, h) / 100);
      s.p.forEach(function (p, k) {
        c.fillStyle = k % 2 ? col[0] : col[1];
        c.globalAlpha = p.life;
        c.fillRect(p.x, p.y, size, size);
      });
      c.globalAlpha = 1;
    },
    lissajous: function (c, w, h, col) {
      // One channel against itself a quarter buffer later: a phase portrait of the waveform.
      var n = this.wave.length, lag = n >> 2;
      c.strokeStyle = col[1];
      c.lineWidth = Math.max(1, Math.min(w, h) / 200);
      c.beginPath();
      for (var i = 0; i + lag < n; i++) {
        var x = w / 2 + (this.wave[i] - 128) / 128 * w * 0.45 * 2;
        var y = h / 2 + (this.wave[i + lag] - 128) / 128 * h * 0.45 * 2;
        if (i) c.lineTo(x, y); else c.moveTo(x, y);
      }
      c.stroke();
    },
    tempest: function (c, w, h, col, now) {
      // A tunnel of rings whose edges pulse with the spectrum.
      var cx = w / 2, cy = h / 2, sides = 16, rings = [4, 6, 8, 10][this.quality];
      var t = now / 1000;
      c.strokeStyle = col[0];
      c.lineWidth = 1;
      for (var r = 0; r < rings; r++) {
        var depth = ((r + t * (0.5 + this.bass)) % rings) / rings;
        var rad = Math.min(w, h) * 0.05 + depth * depth * Math.min(w, h) * 0.6;
        c.beginPath();
        for (var s = 0; s <= sides; s++) {
          var a = s / sides * Math.PI * 2 + t * 0.2;
          var v = this.freq[(s * 7) % 128] / 255;
          var rr = rad * (1 + v * 0.15);
          if (s) c.lineTo(cx + Math.cos(a) * rr, cy + Math.sin(a) * rr); else c.moveTo(cx + Math.cos(a) * rr, cy + Math.sin(a) * rr);
        }
        c.stroke();
      }
      c.strokeStyle = col[1];
      for (var k = 0; k < sides; k++) {
        var ang = k / sides * Math.PI * 2 + t * 0.2;
        c.beginPath();
        c.moveTo(cx + Math.cos(ang) * Math.min(w, h) * 0.05, cy + Math.sin(ang) * Math.min(w, h) * 0.05);
        c.lineTo(cx + Math.cos(ang) * Math.min(w, h) * 0.7, cy + Math.sin(ang) * Math.min(w, h) * 0.7);
        c.stroke();
      }
    },
    pong: function (c, w, h, col) {
      // Two self-playing paddles; the bass speeds the ball up.
      var s = this.state;
      if (!s.ball) s.ball = { x: w / 2, y: h / 2, vx: w / 150, vy: h / 170 }, s.l = h / 2, s.r = h / 2;
      var b = s.ball, sp = 1 + this.bass * 2, ph = h / 5, pw = Math.max(2, w / 80);
      b.x += b.vx * sp; b.y += b.vy * sp;
      if (b.y < 0 || b.y > h) { b.vy = -b.vy; b.y = clamp(b.y, 0, h); }
      if (b.x < pw * 2 || b.x > w - pw * 2) { b.vx = -b.vx; b.x = clamp(b.x, pw * 2, w - pw * 2); }
      s.l += (b.y - s.l) * 0.12; s.r += (b.y - s.r) * 0.1;
      c.fillStyle = col[0];
      c.fillRect(pw, s.l - ph / 2, pw, ph);
      c.fillRect(w - pw * 2, s.r - ph / 2, pw, ph);
      c.fillStyle = col[1];
      c.fillRect(b.x - pw / 2, b.y - pw / 2, pw, pw);
      c.globalAlpha = 0.3;
      for (var y = 0; y < h; y += h / 12) c.fillRect(w / 2 - 1, y, 2, h / 24);
      c.globalAlpha = 1;
    },
    breakout: function (c, w, h, col) {
      // Bricks lit by their frequency band; an automatic paddle keeps the ball alive.
      var s = this.state, cols = 16, rows = 5, bw = w / cols, bh = h / 18;
      if (!s.ball) { s.ball = { x: w / 2, y: h * 0.7, vx: w / 200, vy: -h / 120 }; s.bricks = []; }
      if (!s.bricks.length) for (var i = 0; i < cols * rows; i++) s.bricks.push(true);
      var b = s.ball, sp = 1 + this.bass * 1.5;
      b.x += b.vx * sp; b.y += b.vy * sp;
      if (b.x < 0 || b.x > w) { b.vx = -b.vx; b.x = clamp(b.x, 0, w); }
      if (b.y < 0) { b.vy = Math.abs(b.vy); }
      if (b.y > h * 0.92) { b.vy = -Math.abs(b.vy); }
      var cx = Math.floor(b.x / bw), ry = Math.floor((b.y - bh) / bh);
      if (ry >= 0 && ry < rows && cx >= 0 && cx < cols && s.bricks[ry * cols + cx]) { s.bricks[ry * cols + cx] = false; b.vy = -b.vy; }
      if (s.bricks.every(function (x) { return !x; })) s.bricks = [];
      for (var r = 0; r < rows; r++) for (var k = 0; k < cols; k++) {
        if (!s.bricks[r * cols + k]) continue;
        c.globalAlpha = 0.35 + this.freq[k * 6] / 255 * 0.65;
        c.fillStyle = r % 2 ? col[0] : col[1];
        c.fillRect(k * bw + 1, bh + r * bh + 1, bw - 2, bh - 2);
      }
      c.globalAlpha = 1;
      c.fillStyle = col[2];
      c.fillRect(b.x - w / 16, h * 0.94, w / 8, h / 40);
      c.fillRect(b.x - 3, b.y - 3, 6, 6);
    },
    snake: function (c, w, h, col, now) {
      // A snake that steers to food; a beat (bass peak) drops new food.
      var s = this.state, n = 24, cw = w / n, ch = h / Math.max(8, Math.round(n * h / w));
      var rowsN = Math.max(8, Math.round(n * h / w));
      if (!s.body) { s.body = [{ x: 5, y: 5 }]; s.food = { x: 12, y: 4 }; s.at = 0; s.len = 5; }
      if (this.bass > 0.75 && now - (s.beat || 0) > 600) {
        s.beat = now; s.food = { x: Math.floor(Math.random() * n), y: Math.floor(Math.random() * rowsN) };
      }
      if (now - s.at > 110 - this.bass * 60) {
        s.at = now;
        var head = s.body[0];
        var nx = head.x + Math.sign(s.food.x - head.x), ny = head.y;
        if (nx === head.x) ny = head.y + Math.sign(s.food.y - head.y);
        s.body.unshift({ x: (nx + n) % n, y: (ny + rowsN) % rowsN });
        if (nx === s.food.x && ny === s.food.y) {
          s.len++;
          s.food = { x: Math.floor(Math.random() * n), y: Math.floor(Math.random() * rowsN) };
          if (s.len > 40) s.len = 5;
        }
        while (s.body.length > s.len) s.body.pop();
      }
      c.fillStyle = col[1];
      c.fillRect(s.food.x * cw + 2, s.food.y * ch + 2, cw - 4, ch - 4);
      c.fillStyle = col[0];
      s.body.forEach(function (p) { c.fillRect(p.x * cw + 1, p.y * ch + 1, cw - 2, ch - 2); });
    }
  };

  // Material-style 24px icons as SVG paths: text glyphs for media keys are missing from many fonts.
  var ICONS = {
    play: 'M8 5v14l11-7z',
    pause: 'M6 19h4V5H6v14zm8-14v14h4V5h-4z',
    prev: 'M6 6h2v12H6zm3.5 6l8.5 6V6z',
    next: 'M6 18l8.5-6L6 6v12zM16 6v12h2V6h-2z',
    volume: 'M3 9v6h4l5 5V4L7 9H3zm13.5 3c0-1.77-1.02-3.29-2.5-4.03v8.05c1.48-.73 2.5-2.25 2.5-4.02zM14 3.23v2.06c2.89.86 5 3.54 5 6.71s-2.11 5.85-5 6.71v2.06c4.01-.91 7-4.49 7-8.77s-2.99-7.86-7-8.77z',
    mute: 'M16.5 12c0-1.77-1.02-3.29-2.5-4.03v2.21l2.45 2.45c.03-.2.05-.41.05-.63zm2.5 0c0 .94-.2 1.82-.54 2.64l1.51 1.51C20.63 14.91 21 13.5 21 12c0-4.28-2.99-7.86-7-8.77v2.06c2.89.86 5 3.54 5 6.71zM4.27 3L3 4.27 7.73 9H3v6h4l5 5v-6.73l4.25 4.25c-.67.52-1.42.93-2.25 1.18v2.06c1.38-.31 2.63-.95 3.69-1.81L19.73 21 21 19.73l-9-9L4.27 3zM12 4L9.91 6.09 12 8.18V4z',
    fullscreen: 'M7 14H5v5h5v-2H7v-3zm-2-4h2V7h3V5H5v5zm12 7h-3v2h5v-5h-2v3zM14 5v2h3v3h2V5h-5z',
    add: 'M19 13h-6v6h-2v-6H5v-2h6V5h2v6h6v2z',
    heart: 'M12 21.35l-1.45-1.32C5.4 15.36 2 12.28 2 8.5 2 5.42 4.42 3 7.5 3c1.74 0 3.41.81 4.5 2.09C13.09 3.81 14.76 3 16.5 3 19.58 3 22 5.42 22 8.5c0 3.78-3.4 6.86-8.55 11.54L12 21.35z',
    'heart-o': 'M16.5 3c-1.74 0-3.41.81-4.5 2.09C10.91 3.81 9.24 3 7.5 3 4.42 3 2 5.42 2 8.5c0 3.78 3.4 6.86 8.55 11.54L12 21.35l1.45-1.32C18.6 15.36 22 12.28 22 8.5 22 5.42 19.58 3 16.5 3zm-4.4 15.55l-.1.1-.1-.1C7.14 14.24 4 11.39 4 8.5 4 6.5 5.5 5 7.5 5c1.54 0 3.04.99 3.57 2.36h1.87C13.46 5.99 14.96 5 16.5 5c2 0 3.5 1.5 3.5 3.5 0 2.89-3.14 5.74-7.9 10.05z',
    up: 'M1 21h4V9H1v12zm22-11c0-1.1-.9-2-2-2h-6.31l.95-4.57.03-.32c0-.41-.17-.79-.44-1.06L14.17 1 7.59 7.59C7.22 7.95 7 8.45 7 9v10c0 1.1.9 2 2 2h9c.83 0 1.54-.5 1.84-1.22l3.02-7.05c.09-.23.14-.47.14-.73v-2z',
    down: 'M15 3H6c-.83 0-1.54.5-1.84 1.22l-3.02 7.05c-.09.23-.14.47-.14.73v2c0 1.1.9 2 2 2h6.31l-.95 4.57-.03.32c0 .41.17.79.44 1.06L9.83 23l6.59-6.59c.36-.36.58-.86.58-1.41V5c0-1.1-.9-2-2-2zm4 0v12h4V3h-4z',
    tag: 'M17.63 5.84C17.27 5.33 16.67 5 16 5L5 5.01C3.9 5.01 3 5.9 3 7v10c0 1.1.9 1.99 2 1.99L16 19c.67 0 1.27-.33 1.63-.84L22 12l-4.37-6.16z',
    playlist: 'M14 10H2v2h12v-2zm0-4H2v2h12V6zm4 8v-4h-2v4h-4v2h4v4h2v-4h4v-2h-4zM2 16h8v-2H2v2z',
    link: 'M3.9 12c0-1.71 1.39-3.1 3.1-3.1h4V7H7c-2.76 0-5 2.24-5 5s2.24 5 5 5h4v-1.9H7c-1.71 0-3.1-1.39-3.1-3.1zM8 13h8v-2H8v2zm9-6h-4v1.9h4c1.71 0 3.1 1.39 3.1 3.1s-1.39 3.1-3.1 3.1h-4V17h4c2.76 0 5-2.24 5-5s-2.24-5-5-5z',
    download: 'M19 9h-4V3H9v6H5l7 7 7-7zM5 18v2h14v-2H5z',
    close: 'M19 6.41L17.59 5 12 10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12z',
    shuffle: 'M10.59 9.17L5.41 4 4 5.41l5.17 5.17 1.42-1.41zM14.5 4l2.04 2.04L4 18.59 5.41 20 17.96 7.46 20 9.5V4h-5.5zm.33 9.41l-1.41 1.41 3.13 3.13L14.5 20H20v-5.5l-2.04 2.04-3.13-3.13z',
    'arrow-up': 'M4 12l1.41 1.41L11 7.83V20h2V7.83l5.58 5.59L20 12l-8-8-8 8z',
    'arrow-down': 'M20 12l-1.41-1.41L13 16.17V4h-2v12.17l-5.58-5.59L4 12l8 8 8-8z',
    eye: 'M12 4.5C7 4.5 2.73 7.61 1 12c1.73 4.39 6 7.5 11 7.5s9.27-3.11 11-7.5c-1.73-4.39-6-7.5-11-7.5zM12 17c-2.76 0-5-2.24-5-5s2.24-5 5-5 5 2.24 5 5-2.24 5-5 5zm0-8c-1.66 0-3 1.34-3 3s1.34 3 3 3 3-1.34 3-3-1.34-3-3-3z'
  };

  function icon(name) {
    var NS = 'http://www.w3.org/2000/svg';
    var svg = document.createElementNS(NS, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('width', '1.2em');
    svg.setAttribute('height', '1.2em');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    svg.setAttribute('class', 'sb-icon');
    var path = document.createElementNS(NS, 'path');
    path.setAttribute('d', ICONS[name] || ICONS.play);
    path.setAttribute('fill', 'currentColor');
    svg.appendChild(path);
    return svg;
  }

  function setIcon(btn, name) { btn.replaceChildren(icon(name)); }

  /* ------------------------------------------------------------------ widget UI */

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }

  function button(cls, label, iconName) {
    var b = el('button', 'sbr-btn ' + cls);
    b.appendChild(icon(iconName));
    b.type = 'button';
    b.setAttribute('aria-label', label);
    b.title = label;
    return b;
  }

  function trackTitle(t) {
    if (!t) return 'Sound Box Radio';
    var p = t.prompt || t.filename || t.id;
    return p.length > 80 ? p.slice(0, 77) + '…' : p;
  }

  function ensureStylesheet(server) {
    if (document.querySelector('link[data-soundbox-radio-css]')) return;
    var present = Array.prototype.some.call(document.styleSheets, function (s) {
      return s.href && /soundbox-radio\.css/.test(s.href);
    }) || document.querySelector('link[href*="soundbox-radio.css"]');
    if (present) return;
    var link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = (server || SCRIPT_ORIGIN) + '/widget/soundbox-radio.css';
    link.setAttribute('data-soundbox-radio-css', '');
    document.head.appendChild(link);
  }

  /**
   * Builds the widget inside host. options: size, template, station, autoplay, server, visualizer.
   * Returns {player, element, destroy, setSize, setTemplate}.
   */
  function mount(host, options) {
    var o = options || {};
    var server = o.server != null ? o.server : (SCRIPT_ORIGIN && SCRIPT_ORIGIN !== location.origin ? SCRIPT_ORIGIN : '');
    ensureStylesheet(server);
    var player = o.player || new Player({ server: server, station: o.station || 'all', source: 'widget',
      token: o.token });
    var root = el('div', 'sbr');
    root.setAttribute('role', 'region');
    root.setAttribute('aria-label', 'Sound Box radio');
    root.tabIndex = -1;

    var canvas = el('canvas', 'sbr-canvas');
    canvas.setAttribute('aria-hidden', 'true');
    var info = el('div', 'sbr-info');
    var title = el('div', 'sbr-title', 'Sound Box Radio');
    title.setAttribute('aria-live', 'polite');
    var meta = el('div', 'sbr-meta', o.station || 'all');
    info.append(title, meta);

    var controls = el('div', 'sbr-controls');
    var prev = button('sbr-prev', 'Previous', 'prev');
    var play = button('sbr-play', 'Play', 'play');
    var next = button('sbr-next', 'Next', 'next');
    var mute = button('sbr-mute', 'Mute', 'volume');
    var vol = el('input', 'sbr-volume');
    vol.type = 'range'; vol.min = '0'; vol.max = '1'; vol.step = '0.05'; vol.value = String(player.volume);
    vol.setAttribute('aria-label', 'Volume');
    var full = button('sbr-full', 'Fullscreen', 'fullscreen');
    controls.append(prev, play, next, mute, vol, full);

    var progress = el('div', 'sbr-progress');
    var bar = el('div', 'sbr-progress-bar');
    progress.appendChild(bar);

    var extras = el('div', 'sbr-extras');
    var stationSel = el('select', 'sbr-station');
    stationSel.setAttribute('aria-label', 'Station');
    STATIONS.forEach(function (s) {
      var opt = el('option', null, s.replace('-', ' '));
      opt.value = s;
      stationSel.appendChild(opt);
    });
    stationSel.value = STATIONS.indexOf(player.station) >= 0 ? player.station : 'all';
    var vizSel = el('select', 'sbr-viz');
    vizSel.setAttribute('aria-label', 'Visualiser');
    VISUALIZERS.concat(['random']).forEach(function (v) {
      var opt = el('option', null, v);
      opt.value = v;
      vizSel.appendChild(opt);
    });
    vizSel.value = o.visualizer || 'bars';
    var moods = el('div', 'sbr-moods');
    Object.keys(MOODS).forEach(function (m) {
      var b = el('button', 'sbr-mood', m);
      b.type = 'button';
      b.addEventListener('click', function () { player.setMood(m); meta.textContent = 'mood: ' + m; });
      moods.appendChild(b);
    });
    extras.append(stationSel, vizSel, moods);

    var upnext = el('ol', 'sbr-upnext');
    upnext.setAttribute('aria-label', 'Up next');
    var hint = el('div', 'sbr-hint', 'Space play/pause · ←/→ seek · ↑/↓ volume · m mute · Esc exit');

    root.append(canvas, info, controls, progress, extras, upnext, hint);
    host.replaceChildren(root);

    var viz = new Visualizer(canvas, player, o.visualizer || 'bars');
    var size, template;
    function setSize(s) {
      size = SIZES.indexOf(s) >= 0 ? s : 'medium';
      SIZES.forEach(function (x) { root.classList.toggle('sbr-size-' + x, x === size); });
      if (size === 'minimal' || size === 'small') viz.stop(); else viz.start();
    }
    function setTemplate(t) {
      template = TEMPLATES.indexOf(t) >= 0 ? t : 'default';
      TEMPLATES.forEach(function (x) { root.classList.toggle('sbr-t-' + x, x === template); });
    }
    setSize(o.size);
    setTemplate(o.template);
    var normalSize = size === 'fullscreen' ? 'large' : size;

    function renderQueue(q) {
      upnext.replaceChildren();
      (q || player.queue).slice(0, 5).forEach(function (t) {
        var li = el('li', null, trackTitle(t));
        upnext.appendChild(li);
      });
    }
    function renderState() {
      setIcon(play, player.playing ? 'pause' : 'play');
      play.setAttribute('aria-label', player.playing ? 'Pause' : 'Play');
      play.title = play.getAttribute('aria-label');
      setIcon(mute, player.muted ? 'mute' : 'volume');
    }
    var handlers = {
      track: function (t) { title.textContent = trackTitle(t); title.title = t.prompt || ''; renderState(); },
      play: renderState,
      pause: renderState,
      queue: renderQueue,
      volume: function () { vol.value = String(player.volume); renderState(); },
      time: function (d) { bar.style.width = (d.duration ? d.current / d.duration * 100 : 0) + '%'; },
      error: function (e) { meta.textContent = e.message; },
      blocked: function () { meta.textContent = 'press play to start'; renderState(); },
      station: function (s) { meta.textContent = s.search ? 'mood: ' + s.search : s.station; }
    };
    Object.keys(handlers).forEach(function (k) { player.on(k, handlers[k]); });

    prev.addEventListener('click', function () { player.previous(); });
    play.addEventListener('click', function () { player.toggle(); });
    next.addEventListener('click', function () { player.next(true); });
    mute.addEventListener('click', function () { player.toggleMute(); });
    vol.addEventListener('input', function () { player.setVolume(parseFloat(vol.value)); });
    stationSel.addEventListener('change', function () { player.setStation(stationSel.value); });
    vizSel.addEventListener('change', function () { viz.setMode(vizSel.value); });
    progress.addEventListener('click', function (ev) {
      var a = player.active(), r = progress.getBoundingClientRect();
      if (isFinite(a.duration)) a.currentTime = (ev.clientX - r.left) / r.width * a.duration;
    });

    function enterFullscreen() {
      normalSize = size === 'fullscreen' ? normalSize : size;
      setSize('fullscreen');
      root.focus();
      if (root.requestFullscreen) root.requestFullscreen().catch(function () { /* CSS fullscreen is enough */ });
    }
    function exitFullscreen() {
      if (document.fullscreenElement === root && document.exitFullscreen) document.exitFullscreen();
      setSize(normalSize);
    }
    full.addEventListener('click', function () { if (size === 'fullscreen') exitFullscreen(); else enterFullscreen(); });
    document.addEventListener('fullscreenchange', function () {
      if (!document.fullscreenElement && size === 'fullscreen' && o.size !== 'fullscreen') setSize(normalSize);
    });
    root.addEventListener('keydown', function (ev) {
      if (ev.target && /^(INPUT|SELECT|TEXTAREA)$/.test(ev.target.tagName) && ev.key !== 'Escape') return;
      var handled = true;
      switch (ev.key) {
        case ' ': player.toggle(); break;
        case 'ArrowLeft': player.seek(-10); break;
        case 'ArrowRight': player.seek(10); break;
        case 'ArrowUp': player.setVolume(player.volume + 0.05); break;
        case 'ArrowDown': player.setVolume(player.volume - 0.05); break;
        case 'm': case 'M': player.toggleMute(); break;
        case 'Escape': if (size === 'fullscreen') exitFullscreen(); else handled = false; break;
        default: handled = false;
      }
      if (handled) ev.preventDefault();
    });

    if (o.player && player.current) { handlers.track(player.current); renderQueue(); }
    if (!o.player) {
      player.station = o.station || 'all';
      if (o.autoplay) player.next(false); else player.fill();
    }
    return {
      player: player, element: root, visualizer: viz, setSize: setSize, setTemplate: setTemplate,
      enterFullscreen: enterFullscreen, exitFullscreen: exitFullscreen,
      destroy: function () {
        viz.stop();
        Object.keys(handlers).forEach(function (k) { player.off(k, handlers[k]); });
        if (!o.player) player.pause();
        root.remove();
      }
    };
  }

  function bool(v) { return v === '' || v === 'true' || v === '1' || v === 'yes'; }

  /** Mounts a widget on every [data-soundbox-radio] element not yet mounted. */
  function init(scope) {
    var nodes = (scope || document).querySelectorAll('[data-soundbox-radio]');
    return Array.prototype.map.call(nodes, function (node) {
      if (node.soundboxRadio) return node.soundboxRadio;
      var d = node.dataset;
      node.soundboxRadio = mount(node, {
        size: d.size, template: d.template, station: d.station, visualizer: d.visualizer,
        autoplay: bool(d.autoplay || 'false'), server: d.server != null ? d.server : undefined
      });
      return node.soundboxRadio;
    });
  }

  global.SoundboxRadio = {
    Player: Player, Visualizer: Visualizer, mount: mount, init: init,
    icon: icon, setIcon: setIcon, ICONS: ICONS,
    SIZES: SIZES, TEMPLATES: TEMPLATES, STATIONS: STATIONS, MOODS: MOODS, VISUALIZERS: VISUALIZERS
  };

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', function () { init(); });
  else init();
})(window);

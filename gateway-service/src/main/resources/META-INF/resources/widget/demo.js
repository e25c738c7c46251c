// Demo page: one widget per template, a fullscreen button, and a log of the events API.
(function () {
  'use strict';
  function start() {
    var grid = document.getElementById('template-grid');
    window.SoundboxRadio.TEMPLATES.forEach(function (t, i) {
      var fig = document.createElement('figure');
      var cap = document.createElement('figcaption');
      cap.textContent = t;
      var host = document.createElement('div');
      host.setAttribute('data-soundbox-radio', '');
      host.dataset.size = 'medium';
      host.dataset.template = t;
      host.dataset.visualizer = window.SoundboxRadio.VISUALIZERS[i % window.SoundboxRadio.VISUALIZERS.length];
      fig.append(cap, host);
      grid.appendChild(fig);
    });
    var widgets = window.SoundboxRadio.init();
    var log = document.getElementById('event-log');
    ['track', 'play', 'pause', 'error'].forEach(function (name) {
      widgets[0].player.on(name, function (d) {
        var li = document.createElement('li');
        li.textContent = name + (d && (d.prompt || d.message) ? ': ' + (d.prompt || d.message) : '');
        log.prepend(li);
        while (log.children.length > 8) log.lastChild.remove();
      });
    });
    var full = null;
    document.getElementById('open-fullscreen').addEventListener('click', function () {
      if (!full) full = window.SoundboxRadio.mount(document.getElementById('fullscreen-host'),
        { size: 'large', template: 'neon', visualizer: 'random' });
      full.enterFullscreen();
    });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
})();
